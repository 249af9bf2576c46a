// A ruled table for the landscape list PDFs (项目库名单, 试点项目名单): the header row repeats at the top of every page,
// a row never splits across pages, an empty list prints one row saying so; and the page numbers at the foot.
// Same constants for every list, so the lists look alike.

export const LIST_MARGIN = 36;
const FONT_SIZE = 8.5;
const PAD = 3;

/** Draws the table at the document's position, adding pages as the rows need them. */
export function drawRuledTable(doc: PDFKit.PDFDocument, table: { header: readonly string[]; rows: readonly (readonly string[])[]; widths: readonly number[]; emptyText: string }): void {
  const { header, rows, widths } = table;
  drawRow(doc, header, widths);
  if (!rows.length) {
    drawRow(doc, [table.emptyText], [widths.reduce((sum, width) => sum + width, 0)]);
    return;
  }
  for (const cells of rows) {
    if (doc.y + rowHeight(doc, cells, widths) > doc.page.height - LIST_MARGIN - 14) {
      doc.addPage();
      drawRow(doc, header, widths);
    }
    drawRow(doc, cells, widths);
  }
}

/** 第 n 页，共 m 页 at the foot of every page, inside the bottom margin (the document buffers its pages). */
export function numberPages(doc: PDFKit.PDFDocument): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin would otherwise start a new page
    doc.fontSize(9).text(`第 ${i - start + 1} 页，共 ${count} 页`, LIST_MARGIN, doc.page.height - LIST_MARGIN + 10, { width: doc.page.width - 2 * LIST_MARGIN, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

// helpers

function drawRow(doc: PDFKit.PDFDocument, cells: readonly string[], widths: readonly number[]): void {
  doc.fontSize(FONT_SIZE);
  const height = rowHeight(doc, cells, widths);
  const top = doc.y;
  let x = LIST_MARGIN;
  cells.forEach((cell, i) => {
    doc.rect(x, top, widths[i]!, height).stroke();
    doc.text(cell, x + PAD, top + PAD, { width: widths[i]! - 2 * PAD });
    x += widths[i]!;
  });
  doc.x = LIST_MARGIN;
  doc.y = top + height;
}

function rowHeight(doc: PDFKit.PDFDocument, cells: readonly string[], widths: readonly number[]): number {
  doc.fontSize(FONT_SIZE);
  return Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i]! - 2 * PAD }))) + 2 * PAD;
}
