import ExcelJS from 'exceljs';
import { relationshipKinds } from '../../../domain/expert-conflicts.js';
import { reportingUnits } from '../../../domain/units.js';
import { expertEntry, relationshipEntry, type RelationshipEntryBody } from '../schemas/experts.js';
import { directionReader, type PoolDirection } from './expert-directions.js';
import { checkEntry, checkRelationship, normalisePhone, normaliseText, personKey, type CheckedEntry, type EntryProblem } from './expert-entry.js';
import {
  ACTIVE_WORDS, cellText, EXPERT_COLUMNS, EXPERT_SHEET, FIELD_SEPARATORS, RELATIONSHIP_COLUMNS, RELATIONSHIP_SHEET, uninert,
} from './expert-sheet-layout.js';
import { SheetProblems, type Located, type SheetProblem } from './sheet-problems.js';

// Reads an uploaded pool workbook (the export's layout) and checks every row on its own and against the other rows:
// the entry's rules (expert-entry.ts), known units, directions and relationship kinds, relationships tied to an
// expert of the sheet, and no person twice. What needs the stored pool (ids, duplicates, accounts) is checked by
// expert-import.ts. Every problem is kept, by sheet, row and column.

/** One expert row of the sheet, checked, with where its cells are. */
export interface SheetExpert {
  row: number;
  /** The 专家编号: the stored expert this row updates; null for a new one. */
  id: string | null;
  /** The entry, normalised (with its well-formed relationships); undefined when the person's cells do not make one. */
  checked: CheckedEntry | undefined;
  /** Where a field of the entry is in the workbook (`relationships.0.until` on the relationships sheet). */
  locate(field: string): Located;
}

export type ExpertSheetReading = { ok: true; experts: SheetExpert[]; problems: SheetProblems } | { ok: false; problems: SheetProblem[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads and checks the workbook; `problems` may already hold row problems even when it could be read (ok). */
export async function readExpertSheet(file: Buffer, catalogue: readonly PoolDirection[]): Promise<ExpertSheetReading> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as never);
  } catch {
    return { ok: false, problems: [{ path: 'file', message: '无法读取该文件，请上传由专家库导出的 .xlsx 文件' }] };
  }
  const people = table(workbook, EXPERT_SHEET, Object.values(EXPERT_COLUMNS));
  const ties = table(workbook, RELATIONSHIP_SHEET, Object.values(RELATIONSHIP_COLUMNS));
  const fileProblems = [...people.problems, ...ties.problems];
  if (fileProblems.length) return { ok: false, problems: fileProblems };

  const problems = new SheetProblems();
  const readDirection = directionReader(catalogue);
  const drafts = people.rows.map((row) => draftOf(row, readDirection, problems));
  // relationships, each tied to the expert row with its phone
  const byPhone = new Map<string, Draft>();
  for (const draft of drafts) if (draft.phone && !byPhone.has(draft.phone)) byPhone.set(draft.phone, draft);
  // (a malformed phone is the expert row's problem; its relationships still find their expert by the same text)
  for (const row of ties.rows) tieOf(row, byPhone, problems);

  const experts = drafts.map((draft) => checked(draft, catalogue, problems));
  duplicatesWithinSheet(experts, problems);
  return { ok: true, experts, problems };
}

// helpers

interface SheetRow {
  row: number;
  cell(header: string): string;
  at(header: string): Located;
}

interface Draft {
  row: SheetRow;
  id: string | null;
  /** The phone that ties relationship rows to this row: normalised, or the text as written when it is malformed. */
  phone: string;
  raw: Record<string, unknown>;
  relationships: { row: SheetRow; raw: Record<string, unknown> }[];
}

/** A sheet's rows that hold anything, read by header; a missing sheet or column is a problem of the file. */
function table(workbook: ExcelJS.Workbook, name: string, headers: readonly string[]): { rows: SheetRow[]; problems: SheetProblem[] } {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) return { rows: [], problems: [{ path: `${name}`, message: `文件中没有「${name}」工作表，请使用专家库导出的文件填写` }] };
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, column) => columns.set(cellText(cell.value), column));
  const missing = headers.filter((header) => !columns.has(header));
  if (missing.length) return { rows: [], problems: missing.map((header) => ({ path: `${name}!1`, message: `「${name}」表第 1 行缺少「${header}」列` })) };
  const rows: SheetRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const excelRow = sheet.getRow(r);
    const cell = (header: string) => uninert(cellText(excelRow.getCell(columns.get(header)!).value));
    if (headers.every((header) => cell(header) === '')) continue;
    rows.push({ row: r, cell, at: (header) => ({ sheet: name, row: r, column: header, letter: excelRow.getCell(columns.get(header)!).address.replace(/\d+$/, '') }) });
  }
  return { rows, problems: [] };
}

/** An expert row as a raw entry for the schema; the words of units, directions and 状态 read here. */
function draftOf(row: SheetRow, readDirection: (text: string) => string | undefined, problems: SheetProblems): Draft {
  const C = EXPERT_COLUMNS;
  const idText = row.cell(C.id);
  if (idText && !UUID.test(idText)) problems.add(row.at(C.id), '专家编号格式不正确（请保留导出时的编号；新增专家留空）');
  const unitText = row.cell(C.homeUnit);
  // 石家庄市, 石家庄 or the unit's id
  const unitWord = normaliseText(unitText);
  const unit = reportingUnits.find((u) => u.name === unitWord || u.id === unitWord || u.name === `${unitWord}市`);
  if (unitText && !unit) problems.add(row.at(C.homeUnit), `未知的地区「${unitText}」（须为推荐单位之一，如 石家庄市、雄安新区）`);
  const fields: string[] = [];
  for (const word of row.cell(C.fields).split(FIELD_SEPARATORS).map((w) => w.trim()).filter(Boolean)) {
    const code = readDirection(word);
    if (code) fields.push(code);
    else problems.add(row.at(C.fields), `未知的评审领域「${word}」`);
  }
  const activeText = row.cell(C.active);
  if (activeText && activeText !== ACTIVE_WORDS.active && activeText !== ACTIVE_WORDS.inactive) {
    problems.add(row.at(C.active), `状态须为「${ACTIVE_WORDS.active}」或「${ACTIVE_WORDS.inactive}」`);
  }
  const phoneText = row.cell(C.phone);
  return {
    row,
    id: idText && UUID.test(idText) ? idText.toLowerCase() : null,
    phone: phoneKey(phoneText),
    raw: {
      name: row.cell(C.name), organisation: row.cell(C.organisation), organisationUscc: row.cell(C.organisationUscc) || null,
      homeUnitId: unit?.id, fields, title: row.cell(C.title), phone: phoneText, email: row.cell(C.email),
      active: activeText !== ACTIVE_WORDS.inactive, accountUsername: row.cell(C.account) || null,
    },
    relationships: [],
  };
}

/** A relationship row, added to its expert's draft; one naming no expert of the sheet is a problem. */
function tieOf(row: SheetRow, byPhone: ReadonlyMap<string, Draft>, problems: SheetProblems): void {
  const C = RELATIONSHIP_COLUMNS;
  const phoneText = row.cell(C.expertPhone);
  const owner = phoneText ? byPhone.get(phoneKey(phoneText)) : undefined;
  if (!phoneText) problems.add(row.at(C.expertPhone), '请填写专家联系电话（与「专家」表中的联系电话一致）');
  else if (!owner) problems.add(row.at(C.expertPhone), `「专家」表中没有联系电话为 ${phoneText} 的专家`);
  const nameText = row.cell(C.expertName);
  if (owner && nameText && normaliseText(nameText) !== normaliseText(String(owner.raw.name))) {
    problems.add(row.at(C.expertName), `专家姓名「${nameText}」与「专家」表第 ${owner.row.row} 行的「${String(owner.raw.name)}」不一致`);
  }
  const kindText = row.cell(C.kind);
  const kind = relationshipKinds.find((k) => k.label === normaliseText(kindText) || k.kind === kindText)?.kind;
  if (kindText && !kind) problems.add(row.at(C.kind), `未知的关系类型「${kindText}」（可填：${relationshipKinds.map((k) => k.label).join('、')}）`);
  const raw = {
    enterpriseName: row.cell(C.enterpriseName), enterpriseUscc: row.cell(C.enterpriseUscc), kind,
    since: isoDateOf(row.cell(C.since)), until: isoDateOf(row.cell(C.until)), note: row.cell(C.note) || null,
  };
  if (owner) {
    owner.relationships.push({ row, raw });
    return;
  }
  // A row naming no expert is still checked, so the answer lists all of its problems at once.
  const at = (field: string | undefined) => row.at(RELATIONSHIP_COLUMNS[relationshipColumn(field)]);
  const parsed = relationshipEntry.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.addIfFree(at(String(issue.path[0])), issue.message);
    return;
  }
  const found: EntryProblem[] = [];
  checkRelationship(parsed.data, 0, found);
  for (const problem of found) problems.addIfFree(at(problem.field.split('.')[2]), problem.message);
}

/**
 * The draft through the schema and the entry's rules, each problem at its cell. The person and each relationship are
 * parsed apart, so a bad relationship row hides neither the person's problems nor its siblings'. `checked` is the
 * entry with its well-formed relationships, for the duplicate checks; a row with any problem is never written.
 */
function checked(draft: Draft, catalogue: readonly PoolDirection[], problems: SheetProblems): SheetExpert {
  const locate = (field: string): Located => {
    const [first, index, rest] = field.split('.');
    if (first === 'relationships' && index !== undefined) {
      const tie = draft.relationships[Number(index)];
      if (tie) return tie.row.at(RELATIONSHIP_COLUMNS[relationshipColumn(rest)]);
    }
    return draft.row.at(EXPERT_COLUMNS[expertColumn(first ?? '')]);
  };
  const person = expertEntry.safeParse({ ...draft.raw, relationships: [] });
  if (!person.success) for (const issue of person.error.issues) problems.addIfFree(locate(issue.path.join('.')), issue.message);
  const ties = draft.relationships.map((tie, index) => ({ index, parsed: relationshipEntry.safeParse(tie.raw) }));
  const wellFormed: { index: number; relationship: RelationshipEntryBody }[] = [];
  for (const { index, parsed } of ties) {
    if (parsed.success) wellFormed.push({ index, relationship: parsed.data });
    else for (const issue of parsed.error.issues) problems.addIfFree(locate(`relationships.${index}.${issue.path.join('.')}`), issue.message);
  }
  // a problem of the n-th well-formed relationship is one of its row
  const rowField = (field: string) => field.replace(/^relationships\.(\d+)/, (_, n: string) => `relationships.${wellFormed[Number(n)]!.index}`);
  if (!person.success) {
    const found: EntryProblem[] = [];
    for (const { index, relationship } of wellFormed) checkRelationship(relationship, index, found);
    for (const problem of found) problems.addIfFree(locate(problem.field), problem.message);
    return { row: draft.row.row, id: draft.id, checked: undefined, locate };
  }
  const result = checkEntry({ ...person.data, relationships: wellFormed.map((r) => r.relationship) }, new Set(catalogue.map((direction) => direction.code)));
  for (const problem of result.problems) problems.addIfFree(locate(rowField(problem.field)), problem.message);
  return { row: draft.row.row, id: draft.id, checked: result.checked, locate };
}

/** The same person, the same 专家编号 or the same account on two rows: a problem of the later row. */
function duplicatesWithinSheet(experts: readonly SheetExpert[], problems: SheetProblems): void {
  const seen = { person: new Map<string, number>(), phone: new Map<string, number>(), id: new Map<string, number>(), account: new Map<string, number>() };
  for (const expert of experts) {
    if (!expert.checked) continue;
    const twice = (kind: keyof typeof seen, key: string | null, field: string, message: (row: number) => string) => {
      if (key === null) return;
      const earlier = seen[kind].get(key);
      if (earlier === undefined) seen[kind].set(key, expert.row);
      else problems.add(expert.locate(field), message(earlier));
    };
    twice('id', expert.id, 'id', (row) => `专家编号与第 ${row} 行重复`);
    twice('person', personKey(expert.checked), 'name', (row) => `与第 ${row} 行是同一人（姓名和工作单位相同）`);
    twice('phone', expert.checked.phone, 'phone', (row) => `联系电话与第 ${row} 行相同（同一联系电话只能属于一位专家）`);
    twice('account', expert.checked.accountUsername, 'accountUsername', (row) => `登录账号与第 ${row} 行相同`);
  }
}

function phoneKey(text: string): string {
  return normalisePhone(text) ?? text.replace(/\s+/g, '');
}

/** A date as the sheet may hold it (2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日) in ISO form; other text as it is. */
function isoDateOf(text: string): string | null {
  if (!text) return null;
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  return match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : text;
}

function expertColumn(field: string): keyof typeof EXPERT_COLUMNS {
  const columns: Record<string, keyof typeof EXPERT_COLUMNS> = {
    id: 'id', name: 'name', organisation: 'organisation', organisationUscc: 'organisationUscc', homeUnitId: 'homeUnit', fields: 'fields', title: 'title',
    phone: 'phone', email: 'email', active: 'active', accountUsername: 'account',
  };
  return columns[field] ?? 'name';
}

function relationshipColumn(field: string | undefined): keyof typeof RELATIONSHIP_COLUMNS {
  const columns: Record<string, keyof typeof RELATIONSHIP_COLUMNS> = {
    enterpriseName: 'enterpriseName', enterpriseUscc: 'enterpriseUscc', kind: 'kind', since: 'since', until: 'until', note: 'note',
  };
  return columns[field ?? ''] ?? 'enterpriseName';
}
