import { cjkPdfDocument } from './cjk-pdf-document.js';

// 省级重点项目库名单 as a PDF: the filters that made the list, when it was made, and a ruled table whose header row
// repeats on every page, landscape A4, the CJK font embedded (subset). Its own renderer rather than render-pdf.ts:
// a ten-column list needs columns of their own widths, and the same list made at the same time must give the same
// bytes (the creation date is the given time, not the machine's).

/** One project as a row of the list; every field already as printed. */
export interface LibraryListEntry {
  projectNumber: string;
  projectName: string;
  enterpriseName: string;
  uscc: string;
  unitName: string;
  direction: string;
  category: string;
  status: string;
  /** The admission's Beijing date (`2021-12-20`), or empty. */
  admittedOn: string;
}

export const LIBRARY_LIST_TITLE = '省级重点项目库名单';

const MARGIN = 36;
const FONT_SIZE = 8.5;
const PAD = 3;
const columns: readonly { title: string; width: number; cell(entry: LibraryListEntry, index: number): string }[] = [
  { title: '序号', width: 28, cell: (_, index) => String(index + 1) },
  { title: '项目编号', width: 92, cell: (e) => e.projectNumber },
  { title: '项目名称', width: 140, cell: (e) => e.projectName },
  { title: '申报企业', width: 108, cell: (e) => e.enterpriseName },
  { title: '统一社会信用代码', width: 100, cell: (e) => e.uscc },
  { title: '推荐单位', width: 52, cell: (e) => e.unitName },
  { title: '申报方向', width: 84, cell: (e) => e.direction },
  { title: '类别', width: 70, cell: (e) => e.category },
  { title: '项目状态', width: 42, cell: (e) => e.status },
  { title: '入库日期', width: 53, cell: (e) => e.admittedOn },
];

/** The list as a PDF; `generatedAtText` is `generatedAt` as printed (Beijing time), `applied` the filters in words. */
export function libraryListPdf(input: { entries: readonly LibraryListEntry[]; applied: readonly { label: string; value: string }[]; generatedAt: Date; generatedAtText: string }): Promise<Buffer> {
  const { doc, done } = cjkPdfDocument({
    size: 'A4', layout: 'landscape', margin: MARGIN, bufferPages: true,
    info: { Title: LIBRARY_LIST_TITLE, Producer: 'hebei-iiot-workflow', Creator: 'hebei-iiot-workflow', CreationDate: input.generatedAt },
  });
  doc.fontSize(16).text(LIBRARY_LIST_TITLE, { align: 'center' }).moveDown(0.4);
  const filters = input.applied.length ? input.applied.map(({ label, value }) => `${label}：${value}`).join('；') : '全部项目';
  doc.fontSize(10).text(`筛选条件：${filters}`, { align: 'center' });
  doc.text(`生成时间（北京时间）：${input.generatedAtText}　　共 ${input.entries.length} 个项目`, { align: 'center' }).moveDown(0.6);
  drawTable(doc, input.entries);
  numberPages(doc);
  doc.end();
  return done;
}

// helpers

function drawTable(doc: PDFKit.PDFDocument, entries: readonly LibraryListEntry[]): void {
  const header = columns.map((column) => column.title);
  drawRow(doc, header);
  if (!entries.length) {
    drawRow(doc, ['没有符合筛选条件的项目'], [columns.reduce((sum, column) => sum + column.width, 0)]);
    return;
  }
  entries.forEach((entry, index) => {
    const cells = columns.map((column) => column.cell(entry, index));
    if (doc.y + rowHeight(doc, cells) > doc.page.height - MARGIN - 14) {
      doc.addPage();
      drawRow(doc, header);
    }
    drawRow(doc, cells);
  });
}

function drawRow(doc: PDFKit.PDFDocument, cells: readonly string[], widths: readonly number[] = columns.map((column) => column.width)): void {
  doc.fontSize(FONT_SIZE);
  const height = rowHeight(doc, cells, widths);
  const top = doc.y;
  let x = MARGIN;
  cells.forEach((cell, i) => {
    doc.rect(x, top, widths[i]!, height).stroke();
    doc.text(cell, x + PAD, top + PAD, { width: widths[i]! - 2 * PAD });
    x += widths[i]!;
  });
  doc.x = MARGIN;
  doc.y = top + height;
}

function rowHeight(doc: PDFKit.PDFDocument, cells: readonly string[], widths: readonly number[] = columns.map((column) => column.width)): number {
  doc.fontSize(FONT_SIZE);
  return Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i]! - 2 * PAD }))) + 2 * PAD;
}

/** 第 n 页，共 m 页 at the foot of every page, inside the bottom margin. */
function numberPages(doc: PDFKit.PDFDocument): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin would otherwise start a new page
    doc.fontSize(9).text(`第 ${i - start + 1} 页，共 ${count} 页`, MARGIN, doc.page.height - MARGIN + 10, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
