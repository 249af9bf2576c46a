import { cjkPdfDocument } from './cjk-pdf-document.js';
import type { Block, DocumentModel } from './document-model.js';

const MARGIN = 56;
const LINE = 4;

/** Renders a document as an A4 PDF with the CJK font embedded (subset), so Chinese prints on any machine. */
export function renderPdf(model: DocumentModel): Promise<Buffer> {
  const { doc, done } = cjkPdfDocument({ size: 'A4', layout: model.orientation ?? 'portrait', margin: MARGIN, info: { Title: model.title, Producer: 'hebei-iiot-workflow' } });
  doc.fontSize(18).text(model.title, { align: 'center' });
  if (model.subtitle) doc.moveDown(0.3).fontSize(11).text(model.subtitle, { align: 'center' });
  doc.moveDown(1);
  for (const block of model.blocks) drawBlock(doc, block);
  doc.end();
  return done;
}

function drawBlock(doc: PDFKit.PDFDocument, block: Block): void {
  const width = doc.page.width - 2 * MARGIN;
  switch (block.type) {
    case 'heading':
      doc.moveDown(0.5).fontSize(13).text(block.text).moveDown(0.3);
      break;
    case 'paragraph':
      doc.fontSize(11).text(block.text, { align: 'justify', lineGap: LINE }).moveDown(0.5);
      break;
    case 'fields':
      drawTable(doc, [width * 0.3, width * 0.7], block.rows.map((row) => [...row]));
      break;
    case 'table': {
      const each = width / block.columns.length;
      drawTable(doc, block.columns.map(() => each), [[...block.columns], ...block.rows.map((row) => [...row])]);
      break;
    }
    case 'seal':
      doc.moveDown(2);
      for (const line of block.lines) doc.fontSize(11).text(line, { align: 'right' }).moveDown(1.5);
      break;
  }
}

/** A ruled table whose rows grow with their text and break across pages. */
function drawTable(doc: PDFKit.PDFDocument, widths: number[], rows: string[][]): void {
  doc.fontSize(10);
  for (const row of rows) {
    const height = Math.max(...row.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i]! - 8 }))) + 8;
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    let x = MARGIN;
    row.forEach((cell, i) => {
      doc.rect(x, top, widths[i]!, height).stroke();
      doc.text(cell, x + 4, top + 4, { width: widths[i]! - 8 });
      x += widths[i]!;
    });
    doc.x = MARGIN;
    doc.y = top + height;
  }
  doc.moveDown(0.5);
}
