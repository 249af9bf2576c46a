import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pilotListPdf, type PilotListEntry, type PilotListInput } from '../../documents/pilot-list-pdf.js';
import { pilotListWorkbook } from '../../documents/pilot-list-xlsx.js';
import { inkInBoxOf, pdfFonts, pdfText } from '../support/documents.js';

// 试点项目名单 as a PDF and as Excel, read back: the PDF's text with the call, the session, the collective decision,
// the 公示期 and every pilot, the CJK font embedded and its glyphs drawn, the same bytes for the same input, the header
// repeated on a later page; the workbook by cells, 序号/排名 as numbers, the score as text, a formula-like name quoted.

const generatedAt = new Date('2022-01-05T09:30:00Z'); // 17:30 in Beijing
const entry = (n: number, overrides: Partial<PilotListEntry> = {}): PilotListEntry => ({
  rank: n, projectNumber: `2021-130100-${String(n).padStart(4, '0')}`, projectName: `智能排产示范项目${n}号`, enterpriseName: `石家庄示例装备${n}公司`,
  uscc: '91130100MA0A1B2C31', unitName: '石家庄市', direction: '智能化制造', category: '模式应用类', score: '86.33', ...overrides,
});
const input = (overrides: Partial<PilotListInput> = {}): PilotListInput => ({
  title: '2021年河北省工业互联网重点项目试点项目名单（公示稿）', callTitle: '2021年河北省工业互联网重点项目申报', sessionName: '2021年第一次专家评审会',
  decision: { meeting: '省工业和信息化厅厅务会', date: '2021-12-28', minutesRef: '冀工信纪〔2021〕12号' },
  publicNotice: { from: '2021-12-29', to: '2022-01-05' },
  entries: [entry(1, { score: '91.20' }), entry(2, { rank: 3 })], generatedAt, generatedAtText: '2022-01-05 17:30', ...overrides,
});
const compact = (text: string) => text.replace(/\s+/g, '');

describe('the pilot list as a PDF', () => {
  it('prints the title, the call, the session, the decision, the 公示期 and every pilot, with the CJK font embedded and drawn', async () => {
    // given
    const list = input();
    // when
    const pdf = await pilotListPdf(list);
    // then
    const text = compact(await pdfText(pdf));
    for (const expected of ['2021年河北省工业互联网重点项目试点项目名单（公示稿）', '年度申报批次：2021年河北省工业互联网重点项目申报', '评审会：2021年第一次专家评审会',
      '集体决策：省工业和信息化厅厅务会（2021-12-28），纪要文号：冀工信纪〔2021〕12号', '公示期：2021-12-29至2022-01-05',
      '生成时间（北京时间）：2022-01-0517:30', '共2个项目', '第1页，共1页', '排名', '统一社会信用代码', '评审得分', '91.20']) expect(text).toContain(expected);
    for (const e of list.entries) for (const value of [e.projectNumber, e.projectName, e.enterpriseName]) expect(text).toContain(value);
    expect((await pdfFonts(pdf)).some((font) => /NotoSansCJK|NotoSerifCJK|WenQuanYi/.test(font.name) && font.embedded)).toBe(true);
    for (const printed of ['试点项目名单', '智能排产示范项目1号']) {
      const ink = await inkInBoxOf(pdf, printed);
      expect(ink.area, printed).toBeGreaterThan(20);
      expect(ink.dark / ink.area, printed).toBeGreaterThan(0.05);
    }
  });

  it('leaves the 公示期 out before the list is published, and says so when the list is empty', async () => {
    const text = compact(await pdfText(await pilotListPdf(input({ title: '2021年河北省工业互联网重点项目试点项目名单', publicNotice: null, entries: [] }))));
    expect(text).toContain('集体决策：');
    expect(text).not.toContain('公示期');
    expect(text).not.toContain('公示稿');
    expect(text).toContain('名单中没有项目');
    expect(text).toContain('共0个项目');
  });

  it('gives the same bytes for the same input twice, and its creation date is the given time', async () => {
    const [first, second] = [await pilotListPdf(input()), await pilotListPdf(input())];
    expect(first.equals(second)).toBe(true);
    expect(first.toString('latin1')).toContain('D:20220105093000Z');
  });

  it('repeats the header row on every page of a long list and numbers the pages', async () => {
    const pdf = await pilotListPdf(input({ entries: Array.from({ length: 60 }, (_, i) => entry(i + 1)) }));
    const pages = (await pdfText(pdf)).split('\f').filter((page) => page.trim());
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, page] of pages.entries()) {
      expect(compact(page)).toContain('统一社会信用代码');
      expect(compact(page)).toContain(`第${i + 1}页，共${pages.length}页`);
    }
    expect(compact(pages[1]!)).not.toContain('集体决策');
    expect(compact(pages.at(-1)!)).toContain('智能排产示范项目60号');
  });
});

describe('the pilot list as Excel', () => {
  it('writes the title, the particulars, a bold header and one row per pilot, 序号/排名 as numbers, formula-like text quoted', async () => {
    // given: a pilot whose enterprise name a spreadsheet would run as a formula
    const list = input({ entries: [entry(1, { score: '91.20' }), entry(2, { rank: 3, enterpriseName: '=HYPERLINK("x")' })] });
    // when
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await pilotListWorkbook(list)) as never);
    // then
    const sheet = book.getWorksheet('试点项目名单')!;
    expect(book.worksheets.map((s) => s.name)).toEqual(['试点项目名单']);
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => sheet.getRow(n).getCell(1).value)).toEqual([
      '2021年河北省工业互联网重点项目试点项目名单（公示稿）', '年度申报批次：2021年河北省工业互联网重点项目申报', '评审会：2021年第一次专家评审会',
      '集体决策：省工业和信息化厅厅务会（2021-12-28），纪要文号：冀工信纪〔2021〕12号', '公示期：2021-12-29 至 2022-01-05',
      '生成时间（北京时间）：2022-01-05 17:30', '项目数：共 2 个项目',
    ]);
    const header = sheet.getRow(8);
    expect(header.values).toEqual([undefined, '序号', '排名', '项目编号', '项目名称', '申报企业', '统一社会信用代码', '推荐单位', '申报方向', '类别', '评审得分']);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(9).values).toEqual([undefined, 1, 1, '2021-130100-0001', '智能排产示范项目1号', '石家庄示例装备1公司', '91130100MA0A1B2C31', '石家庄市', '智能化制造', '模式应用类', '91.20']);
    expect(sheet.getRow(10).getCell(2).value).toBe(3);
    const formula = sheet.getRow(10).getCell(5);
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.formula).toBeUndefined();
    expect(formula.value).toBe(`'=HYPERLINK("x")`);
    expect(sheet.rowCount).toBe(10);
    expect(sheet.getColumn(4).width).toBeGreaterThan(20);
    expect(book.created).toEqual(generatedAt);
  });

  it('has no 公示期 row before the list is published', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await pilotListWorkbook(input({ publicNotice: null }))) as never);
    const sheet = book.getWorksheet('试点项目名单')!;
    const firstCells = Array.from({ length: sheet.rowCount }, (_, i) => String(sheet.getRow(i + 1).getCell(1).value));
    expect(firstCells.some((cell) => cell.startsWith('公示期'))).toBe(false);
    expect(sheet.getRow(7).getCell(1).value).toBe('序号');
  });
});
