import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';

// Reading rendered files back with Debian's poppler-utils and the .docx zip itself.

const run = promisify(execFile);

async function tempFile(content: Buffer, name: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'iiot-doc-'));
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

/** The text of a PDF (pdftotext). */
export async function pdfText(pdf: Buffer): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', await tempFile(pdf, 'doc.pdf'), '-']);
  return stdout;
}

/** The fonts of a PDF (pdffonts): name and whether it is embedded. */
export async function pdfFonts(pdf: Buffer): Promise<{ name: string; embedded: boolean }[]> {
  const { stdout } = await run('pdffonts', [await tempFile(pdf, 'doc.pdf')]);
  return stdout.split('\n').slice(2).filter(Boolean).map((line) => {
    const fields = line.trim().split(/\s+/);
    // name type encoding emb sub uni object ID: count from the end, since a type may have spaces
    return { name: fields[0]!, embedded: fields[fields.length - 5] === 'yes' };
  });
}

/**
 * How many dark pixels lie inside the box where `text` is printed: the box from `pdftotext -bbox`, the pixels from
 * `pdftoppm` at 72 dpi (one pixel per point). Text that extracts but draws blank has none.
 */
export async function inkInBoxOf(pdf: Buffer, text: string): Promise<{ dark: number; area: number }> {
  const file = await tempFile(pdf, 'doc.pdf');
  const html = path.join(path.dirname(file), 'bbox.html');
  await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, html]);
  const pages = (await readFile(html, 'utf8')).split('<page ').slice(1);
  for (const [index, page] of pages.entries()) {
    const word = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].find((m) => m[5]!.includes(text));
    if (!word) continue;
    const [xMin, yMin, xMax, yMax] = word.slice(1, 5).map(Number) as [number, number, number, number];
    const prefix = path.join(path.dirname(file), 'page');
    await run('pdftoppm', ['-r', '72', '-f', String(index + 1), '-l', String(index + 1), file, prefix]);
    const ppm = await readFile(path.join(path.dirname(file), (await readdir(path.dirname(file))).find((f) => f.endsWith('.ppm'))!));
    return countDark(ppm, { xMin, yMin, xMax, yMax });
  }
  throw new Error(`"${text}" is not in the PDF's text`);
}

function countDark(ppm: Buffer, box: { xMin: number; yMin: number; xMax: number; yMax: number }) {
  // Binary PPM (P6): "P6\n<width> <height>\n<max>\n" then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'))!;
  const width = Number(header[1]);
  const offset = header[0].length;
  let dark = 0;
  let area = 0;
  for (let y = Math.floor(box.yMin); y < Math.ceil(box.yMax); y++) {
    for (let x = Math.floor(box.xMin); x < Math.ceil(box.xMax); x++) {
      const at = offset + (y * width + x) * 3;
      area++;
      if (ppm[at]! + ppm[at + 1]! + ppm[at + 2]! < 3 * 128) dark++;
    }
  }
  return { dark, area };
}

/** The text of a .docx: every w:t run of its document part, joined. */
export async function docxText(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}
