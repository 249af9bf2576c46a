import ExcelJS from 'exceljs';
import { reportingUnits, type UnitId } from '../../../domain/units.js';
import type { Indicator } from '../../../store/recommendation-repository.js';
import type { IndicatorRow } from '../schemas/indicators.js';

// 附件1 指标分配表 as Excel: the export of the current table and the import that replaces it. The sheet's columns,
// found by their header (row 1): 推荐单位, 培育指标（项）, 指标性质 (目标 or 上限); 序号 and 已推荐（项） are written for
// reading and ignored on import. An empty 培育指标 leaves the unit without one (未下达), as does leaving it out. An
// import is checked whole: every row's problem, or the indicators it sets.

export const SHEET_NAME = '附件1 指标分配表';
export const COLUMNS = { number: '序号', unit: '推荐单位', target: '培育指标（项）', kind: '指标性质', recommended: '已推荐（项）' } as const;
const required = [COLUMNS.unit, COLUMNS.target, COLUMNS.kind] as const;
const KIND = { target: '目标', cap: '上限' } as const;

/** A row of an imported sheet that cannot be taken, by its row number in Excel. */
export interface SheetProblem {
  row: number;
  reason: string;
}

export type SheetReading = { ok: true; indicators: Indicator[] } | { ok: false; problems: SheetProblem[] };

/** The call's indicators table as the 附件1 sheet, one row per unit in the notice's order. */
export async function indicatorWorkbook(callTitle: string, rows: readonly IndicatorRow[], provinceFloor: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAME);
  sheet.addRow([COLUMNS.number, COLUMNS.unit, COLUMNS.target, COLUMNS.kind, COLUMNS.recommended]).font = { bold: true };
  rows.forEach((row, index) => sheet.addRow([index + 1, row.unitName, row.target ?? '', row.target === null ? '' : row.isCap ? KIND.cap : KIND.target, row.recommended]));
  sheet.columns.forEach((column) => (column.width = 18));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const notes = workbook.addWorksheet('填写说明');
  for (const line of [
    `申报批次：${callTitle}`,
    `全省重点项目培育数量不少于 ${provinceFloor} 项。`,
    `「${COLUMNS.target}」填不小于 0 的整数；「${COLUMNS.kind}」填「${KIND.target}」（进度参考）或「${KIND.cap}」（推荐数量不得超过）。`,
    `每个推荐单位一行；培育指标留空或未列出的推荐单位，导入后为“未下达”。「${COLUMNS.number}」「${COLUMNS.recommended}」两列导入时不读取。`,
  ]) notes.addRow([line]);
  notes.getColumn(1).width = 100;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads an uploaded 附件1 sheet: the indicators it sets, or each row's problem (then nothing may be saved). */
export async function readIndicatorSheet(file: Buffer): Promise<SheetReading> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as never);
  } catch {
    return { ok: false, problems: [{ row: 0, reason: '无法读取该文件，请上传由本页导出的 .xlsx 格式附件1表格' }] };
  }
  const sheet = workbook.getWorksheet(SHEET_NAME) ?? workbook.worksheets[0];
  if (!sheet) return { ok: false, problems: [{ row: 0, reason: '文件中没有工作表' }] };
  const header = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, column) => header.set(textOf(cell.value), column));
  const missing = required.filter((name) => !header.has(name));
  if (missing.length) return { ok: false, problems: missing.map((name) => ({ row: 1, reason: `缺少「${name}」列` })) };

  const problems: SheetProblem[] = [];
  const indicators: Indicator[] = [];
  const seen = new Map<UnitId, number>();
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const [unitText, targetValue, kindText] = required.map((name) => row.getCell(header.get(name)!).value);
    const unitName = textOf(unitText);
    if (!unitName && textOf(targetValue) === '' && !textOf(kindText)) continue; // an empty row
    const unit = reportingUnits.find((u) => u.name === unitName);
    const reasons: string[] = [];
    if (!unit) reasons.push(unitName ? `未知的推荐单位「${unitName}」` : '推荐单位为空');
    else if (seen.has(unit.id)) reasons.push(`推荐单位「${unitName}」重复（与第 ${seen.get(unit.id)} 行）`);
    else seen.set(unit.id, r);
    const blank = textOf(targetValue) === ''; // the unit gets no indicator (未下达)
    const target = numberOf(targetValue);
    const kind = textOf(kindText);
    if (!blank) reasons.push(...targetProblems(target), ...(kind === KIND.target || kind === KIND.cap ? [] : [`指标性质须为「${KIND.target}」或「${KIND.cap}」`]));
    if (reasons.length) problems.push({ row: r, reason: reasons.join('；') });
    else if (!blank) indicators.push({ unitId: unit!.id, target: target!, isCap: kind === KIND.cap });
  }
  return problems.length ? { ok: false, problems } : { ok: true, indicators };
}

// helpers

/** What is wrong with a 培育指标 cell's number, if anything. */
function targetProblems(target: number | undefined): string[] {
  if (target === undefined) return ['培育指标须为数字'];
  if (target < 0) return ['培育指标不能为负数'];
  if (!Number.isInteger(target)) return ['培育指标须为整数'];
  return target > 10_000 ? ['培育指标不能超过 10000'] : [];
}

/** A cell's text, trimmed: plain, rich or a formula's result. */
function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && !(value instanceof Date)) {
    if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
    if ('result' in value) return textOf((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
  }
  return String(value).trim();
}

/** A cell's number: a number, or text that is one; undefined otherwise. */
function numberOf(value: ExcelJS.CellValue): number | undefined {
  if (typeof value === 'number') return value;
  const text = textOf(value);
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}
