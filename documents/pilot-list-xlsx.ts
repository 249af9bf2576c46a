import ExcelJS from 'exceljs';
import { PILOT_LIST_COLUMNS, pilotListCells, pilotListParticulars, type PilotListInput } from './pilot-list-pdf.js';
import { inert } from './spreadsheet-text.js';

// 试点项目名单 as Excel, the same table as the PDF (pilot-list-pdf.ts): one sheet with a title row, a row per
// particular (call, session, decision, 公示期, time made, count), then a bold, frozen header row and one row per pilot in
// ranking order. 序号 and 排名 are numbers, so the sheet sorts by them; every other cell is text (the score stays as
// printed, `86.30` keeps its zero), and one a spreadsheet would read as a formula gets a leading quote (audit-sheet.ts).

export const PILOT_LIST_SHEET = '试点项目名单';

const WIDTHS = [6, 6, 18, 36, 30, 22, 12, 26, 20, 10] as const;

/** The list as a workbook with the one sheet 试点项目名单. */
export async function pilotListWorkbook(input: PilotListInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // Fixed to the given time, so the file says when it was made, not when a library wrote it.
  workbook.created = input.generatedAt;
  workbook.modified = input.generatedAt;
  const sheet = workbook.addWorksheet(PILOT_LIST_SHEET);
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const title = sheet.addRow([inert(input.title)]);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  sheet.mergeCells(title.number, 1, title.number, PILOT_LIST_COLUMNS.length);
  const particulars = [
    ...pilotListParticulars(input),
    { label: '生成时间（北京时间）', value: input.generatedAtText },
    { label: '项目数', value: `共 ${input.entries.length} 个项目` },
  ];
  for (const { label, value } of particulars) {
    const row = sheet.addRow([`${label}：${value}`]);
    sheet.mergeCells(row.number, 1, row.number, PILOT_LIST_COLUMNS.length);
  }
  const header = sheet.addRow([...PILOT_LIST_COLUMNS]);
  header.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  input.entries.forEach((entry, index) => {
    const [, , ...texts] = pilotListCells(entry, index);
    sheet.addRow([index + 1, entry.rank, ...texts.map(inert)]);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
