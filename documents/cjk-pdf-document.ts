import PDFDocument from 'pdfkit';
import { cjkFontBytes } from './cjk-font.js';

/**
 * A pdfkit document with the CJK font registered and selected (embedded as a subset, so Chinese prints anywhere),
 * and the bytes it writes, complete once the caller ends it.
 */
export function cjkPdfDocument(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const font = cjkFontBytes();
  const doc = new PDFDocument(options);
  doc.registerFont('cjk', font.bytes, font.face);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
