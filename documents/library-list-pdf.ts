import { cjkPdfDocument } from './cjk-pdf-document.js';
import { drawRuledTable, LIST_MARGIN, numberPages } from './ruled-table-pdf.js';

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
    size: 'A4', layout: 'landscape', margin: LIST_MARGIN, bufferPages: true,
    info: { Title: LIBRARY_LIST_TITLE, Producer: 'hebei-iiot-workflow', Creator: 'hebei-iiot-workflow', CreationDate: input.generatedAt },
  });
  doc.fontSize(16).text(LIBRARY_LIST_TITLE, { align: 'center' }).moveDown(0.4);
  const filters = input.applied.length ? input.applied.map(({ label, value }) => `${label}：${value}`).join('；') : '全部项目';
  doc.fontSize(10).text(`筛选条件：${filters}`, { align: 'center' });
  doc.text(`生成时间（北京时间）：${input.generatedAtText}　　共 ${input.entries.length} 个项目`, { align: 'center' }).moveDown(0.6);
  drawRuledTable(doc, { header: columns.map((column) => column.title), rows: input.entries.map((entry, index) => columns.map((column) => column.cell(entry, index))), widths: columns.map((column) => column.width), emptyText: '没有符合筛选条件的项目' });
  numberPages(doc);
  doc.end();
  return done;
}
