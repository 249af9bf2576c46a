import { existsSync, readFileSync } from 'node:fs';

// Chinese text needs a CJK font embedded in the PDF. Debian's fonts-noto-cjk ships one as a .ttc collection;
// pdfkit (through fontkit) reads collections by the face's PostScript name.
const candidates = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
];

/** The CJK font to embed: CJK_FONT_PATH (and CJK_FONT_FACE for a collection) or the first Debian font found. */
export function cjkFont(env: NodeJS.ProcessEnv = process.env): { path: string; face?: string } {
  if (env.CJK_FONT_PATH) return { path: env.CJK_FONT_PATH, face: env.CJK_FONT_FACE };
  const found = candidates.find((candidate) => existsSync(candidate.path));
  if (!found) throw new Error('No CJK font found: install fonts-noto-cjk (Debian) or set CJK_FONT_PATH');
  return found;
}

// The CJK collection is ~20 MB: read it once per process, not once per document.
let fontBytes: { bytes: Buffer; face?: string } | undefined;

/** The CJK font's bytes (and face, for a collection), read once per process. */
export function cjkFontBytes(): { bytes: Buffer; face?: string } {
  if (!fontBytes) {
    const font = cjkFont();
    fontBytes = { bytes: readFileSync(font.path), face: font.face };
  }
  return fontBytes;
}
