import ExcelJS from 'exceljs';

// The layout of the pool's Excel file, shared by the export and the import: a sheet of experts (one row each, its
// 专家编号 kept so an edited file updates the same people), a sheet of their relationships (one row each, tied to
// its expert by the expert's phone, unique in the pool), and a sheet of instructions the import does not read.

export const EXPERT_SHEET = '专家';
export const RELATIONSHIP_SHEET = '关联关系';
export const NOTES_SHEET = '填写说明';

export const EXPERT_COLUMNS = {
  id: '专家编号', name: '姓名', organisation: '工作单位', organisationUscc: '工作单位统一社会信用代码', homeUnit: '所属地区', fields: '评审领域',
  title: '职称', phone: '联系电话', email: '电子邮箱', active: '状态', account: '登录账号',
} as const;

export const RELATIONSHIP_COLUMNS = {
  expertName: '专家姓名', expertPhone: '专家联系电话', enterpriseName: '企业名称', enterpriseUscc: '企业统一社会信用代码', kind: '关系类型',
  since: '起始日期', until: '终止日期', note: '说明',
} as const;

/** The 状态 column's words. */
export const ACTIVE_WORDS = { active: '启用', inactive: '停用' } as const;

/** How the 评审领域 column separates directions: the export writes 、, the import also takes ， , ； ; and new lines. */
export const FIELD_SEPARATOR = '、';
export const FIELD_SEPARATORS = /[、，,；;\n\r]+/;

/** A cell's text, trimmed: plain, rich, a hyperlink's or a formula's result; a date as YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10); // exceljs reads a date cell as UTC midnight
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}

/** The text a cell of the export holds, its formula guard (audit-sheet.ts `inert`) taken off again. */
export function uninert(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
