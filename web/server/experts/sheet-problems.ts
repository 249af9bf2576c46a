import { EXPERT_SHEET, RELATIONSHIP_SHEET } from './expert-sheet-layout.js';

// The problems of an imported pool workbook, one per cell: several found in one cell are said together; a later
// check's problem in a cell that already has one is left out (an unknown unit is not also "请选择所属地区").

/** A cell of the workbook, by sheet, Excel row, column header and column letter. */
export interface Located {
  sheet: string;
  row: number;
  column: string;
  letter: string;
}

/** A problem as the answer lists it: `专家!E3` and the sentence that names the sheet, row and column. */
export interface SheetProblem {
  path: string;
  message: string;
}

const sheetOrder = [EXPERT_SHEET, RELATIONSHIP_SHEET];

/** The problems found so far, by cell. */
export class SheetProblems {
  private readonly cells = new Map<string, { at: Located; messages: string[] }>();

  /** Adds a problem of a cell. */
  add(at: Located, message: string): void {
    const key = keyOf(at);
    const cell = this.cells.get(key) ?? { at, messages: [] };
    if (!cell.messages.includes(message)) cell.messages.push(message);
    this.cells.set(key, cell);
  }

  /** Adds a problem of a cell unless the cell has one already. */
  addIfFree(at: Located, message: string): void {
    if (!this.cells.has(keyOf(at))) this.add(at, message);
  }

  get size(): number {
    return this.cells.size;
  }

  /** Every problem in reading order: the experts sheet first, then by row and column. */
  list(): SheetProblem[] {
    return [...this.cells.values()]
      .sort((a, b) => sheetOrder.indexOf(a.at.sheet) - sheetOrder.indexOf(b.at.sheet) || a.at.row - b.at.row
        || a.at.letter.length - b.at.letter.length || a.at.letter.localeCompare(b.at.letter))
      .map(({ at, messages }) => ({ path: keyOf(at), message: `「${at.sheet}」表第 ${at.row} 行 ${at.letter} 列「${at.column}」：${messages.join('；')}` }));
  }
}

function keyOf(at: Located): string {
  return `${at.sheet}!${at.letter}${at.row}`;
}
