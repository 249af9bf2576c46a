import ExcelJS from 'exceljs';
import { inert } from '../audit/audit-sheet.js';
import { beijingTime } from '../dashboard/dashboard-exports.js';
import type { LibraryRowView } from '../schemas/library.js';

// The library's lists as Excel, in the house style of the other exports: a bold, frozen header row, one row per
// project in the list's order, Beijing time; a second sheet says which filters made the list and when. Every cell is
// text, and one a spreadsheet would read as a formula gets a leading quote (audit-sheet.ts).

export const LIBRARY_COLUMNS = ['项目编号', '项目名称', '申报企业', '统一社会信用代码', '推荐单位', '申报批次', '申报方向', '类别', '项目状态', '报送时间（北京时间）', '入库时间（北京时间）'] as const;

/** The rows as a workbook: sheet `sheetName` with the list, sheet 筛选条件 with the filters and the time it was made. */
export async function libraryWorkbook(input: { sheetName: string; rows: readonly LibraryRowView[]; applied: readonly { label: string; value: string }[]; generatedAt: Date }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // Fixed to the request's time, so the file says when it was made, not when a library wrote it.
  workbook.created = input.generatedAt;
  workbook.modified = input.generatedAt;
  const sheet = workbook.addWorksheet(input.sheetName);
  sheet.addRow([...LIBRARY_COLUMNS]).font = { bold: true };
  sheet.columns.forEach((column, index) => (column.width = [18, 36, 30, 22, 12, 30, 26, 30, 12, 20, 20][index] ?? 18));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of input.rows) {
    sheet.addRow([
      row.projectNumber, row.projectName, row.enterpriseName, row.uscc, row.unit.name, row.call.title, row.direction.label, row.category.label,
      row.statusLabel, beijingTime(row.createdAt), row.admittedAt ? beijingTime(row.admittedAt) : '',
    ].map(inert));
  }
  const filters = workbook.addWorksheet('筛选条件');
  filters.columns = [{ width: 14 }, { width: 60 }];
  for (const { label, value } of input.applied.length ? input.applied : [{ label: '筛选条件', value: '全部项目' }]) filters.addRow([label, inert(value)]);
  filters.addRow(['项目数', String(input.rows.length)]);
  filters.addRow(['生成时间', `${beijingTime(input.generatedAt)}（北京时间）`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
