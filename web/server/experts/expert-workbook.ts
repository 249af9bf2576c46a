import ExcelJS from 'exceljs';
import { relationshipKinds } from '../../../domain/expert-conflicts.js';
import { reportingUnits } from '../../../domain/units.js';
import { inert } from '../audit/audit-sheet.js';
import { beijingTime } from '../dashboard/dashboard-exports.js';
import type { ExpertView } from '../schemas/experts.js';
import { directionLabelOf, type PoolDirection } from './expert-directions.js';
import {
  ACTIVE_WORDS, EXPERT_COLUMNS, EXPERT_SHEET, FIELD_SEPARATOR, NOTES_SHEET, RELATIONSHIP_COLUMNS, RELATIONSHIP_SHEET,
} from './expert-sheet-layout.js';

// The pool as Excel, in the layout the import reads back (expert-sheet-layout.ts), in the house style of the other
// exports: bold frozen headers, every cell text, and text a spreadsheet would run as a formula quoted (inert).

/** The experts (with their relationships) as the pool's workbook. */
export async function expertWorkbook(experts: readonly ExpertView[], catalogue: readonly PoolDirection[], generatedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  const people = sheetWith(workbook, EXPERT_SHEET, Object.values(EXPERT_COLUMNS), [38, 12, 30, 24, 10, 40, 16, 16, 26, 8, 18]);
  for (const expert of experts) {
    people.addRow([
      expert.id, expert.name, expert.organisation, expert.organisationUscc ?? '', expert.homeUnitName,
      expert.fields.map((code) => directionLabelOf(catalogue, code)).join(FIELD_SEPARATOR), expert.title, expert.phone, expert.email,
      expert.active ? ACTIVE_WORDS.active : ACTIVE_WORDS.inactive, expert.accountUsername ?? '',
    ].map(inert));
  }
  const ties = sheetWith(workbook, RELATIONSHIP_SHEET, Object.values(RELATIONSHIP_COLUMNS), [12, 16, 30, 24, 14, 12, 12, 40]);
  for (const expert of experts) {
    for (const relationship of expert.relationships) {
      ties.addRow([
        expert.name, expert.phone, relationship.enterpriseName, relationship.enterpriseUscc, kindLabel(relationship.kind),
        relationship.since ?? '', relationship.until ?? '', relationship.note ?? '',
      ].map(inert));
    }
  }
  const notes = workbook.addWorksheet(NOTES_SHEET);
  notes.getColumn(1).width = 110;
  for (const line of [
    `导出时间：${beijingTime(generatedAt)}（北京时间），专家 ${experts.length} 人。`,
    `「${EXPERT_SHEET}」表每行一位专家。修改后导入即更新该专家；新增专家请在末尾添加一行，「${EXPERT_COLUMNS.id}」留空。未列出的专家保持不变。`,
    `同一人只能登记一次：姓名和工作单位相同，或联系电话相同，即视为同一人。`,
    `「${EXPERT_COLUMNS.homeUnit}」填推荐单位名称：${reportingUnits.map((unit) => unit.name).join('、')}。`,
    `「${EXPERT_COLUMNS.fields}」填一个或多个申报方向名称，用“、”分隔：${catalogue.map((direction) => direction.label).join('、')}。`,
    `「${EXPERT_COLUMNS.organisationUscc}」工作单位为企业时填写；「${EXPERT_COLUMNS.phone}」填 11 位手机号码或带区号的固定电话；「${EXPERT_COLUMNS.active}」填「${ACTIVE_WORDS.active}」或「${ACTIVE_WORDS.inactive}」；「${EXPERT_COLUMNS.account}」填该专家的评审专家账号用户名（没有可不填）。`,
    `「${RELATIONSHIP_SHEET}」表每行一条关联关系，以「${RELATIONSHIP_COLUMNS.expertPhone}」对应「${EXPERT_SHEET}」表中的专家。导入时，「${EXPERT_SHEET}」表中每位专家的关联关系以本表为准（本表没有的即删除）。`,
    `「${RELATIONSHIP_COLUMNS.kind}」可填：${relationshipKinds.map((kind) => kind.label).join('、')}；日期填 YYYY-MM-DD，可不填。`,
    '导入时先检查全部行：任何一处有误，整个文件都不导入，并逐条列出问题所在的表、行和列。',
  ]) notes.addRow([inert(line)]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A relationship kind's label as the sheet writes it. */
export function kindLabel(kind: string): string {
  return relationshipKinds.find((k) => k.kind === kind)?.label ?? kind;
}

// helpers

function sheetWith(workbook: ExcelJS.Workbook, name: string, header: readonly string[], widths: readonly number[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([...header]).font = { bold: true };
  sheet.columns.forEach((column, index) => (column.width = widths[index] ?? 18));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return sheet;
}
