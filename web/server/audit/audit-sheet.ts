import { inert } from '../../../documents/spreadsheet-text.js';
import ExcelJS from 'exceljs';
import { beijingTime } from '../dashboard/dashboard-exports.js';
import type { AuditRowView } from '../schemas/audit.js';

// The audit page's list as Excel, in the house style of the other exports (bold frozen header, Beijing time). Every
// cell is text; one that could start a formula (= + - @) gets a leading quote, so no spreadsheet ever runs it.

export const AUDIT_COLUMNS = ['时间（北京时间）', '操作人', '角色', '操作', '对象', '批次', '单位', '申报编号', '详情'] as const;

/** The rows as a workbook; when `total` exceeds the rows given, a last row says how many were left out. */
export async function auditWorkbook(rows: readonly AuditRowView[], total: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('操作日志');
  sheet.addRow([...AUDIT_COLUMNS]).font = { bold: true };
  sheet.columns.forEach((column, index) => (column.width = [20, 24, 18, 18, 28, 24, 12, 20, 60][index] ?? 18));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) {
    sheet.addRow([
      beijingTime(row.at),
      row.actorName ? `${row.actorName}（${row.actor}）` : row.actor,
      row.actorRole,
      row.actionLabel,
      row.subject,
      row.callTitle ?? row.callId ?? '',
      row.unitName ?? '',
      row.applicationNumber ?? '',
      Object.keys(row.detail).length ? cellSized(JSON.stringify(row.detail)) : '',
    ].map(inert));
  }
  if (total > rows.length) sheet.addRow([`共 ${total} 条，仅导出最新的 ${rows.length} 条；请缩小筛选范围后分次导出。`]).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A cell holds at most 32,767 characters: longer details are cut with a mark. */
function cellSized(text: string): string {
  return text.length > 32_000 ? `${text.slice(0, 32_000)}…（已截断）` : text;
}

export { inert };
