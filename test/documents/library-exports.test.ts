import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { libraryListPdf, type LibraryListEntry } from '../../documents/library-list-pdf.js';
import { libraryWorkbook } from '../../web/server/library/library-workbook.js';
import type { LibraryRowView } from '../../web/server/schemas/library.js';
import { inkInBoxOf, pdfFonts, pdfText } from '../support/documents.js';

// The library's list as a PDF (省级重点项目库名单) and as Excel, read back: the PDF's text with the filters, the time
// and every project, the CJK font embedded and its glyphs drawn, the same bytes for the same list and time, the
// header repeated on a later page; the workbook by cells, a formula-like name quoted.

const generatedAt = new Date('2021-12-20T09:30:00Z'); // 17:30 in Beijing
const entry = (n: number, overrides: Partial<LibraryListEntry> = {}): LibraryListEntry => ({
  projectNumber: `2021-130100-${String(n).padStart(4, '0')}`, projectName: `智能排产示范项目${n}号`, enterpriseName: `石家庄示例装备${n}公司`,
  uscc: '91130100MA0A1B2C31', unitName: '石家庄市', direction: '智能化制造', category: '模式应用类', status: '在库', admittedOn: '2021-12-18', ...overrides,
});
const applied = [{ label: '推荐单位', value: '石家庄市' }, { label: '项目状态', value: '在库、退库' }];
const compact = (text: string) => text.replace(/\s+/g, '');

describe('the library list as a PDF', () => {
  it('prints the title, the filters, the time and every project, with the CJK font embedded and drawn', async () => {
    // given
    const entries = [entry(1), entry(2, { status: '退库', admittedOn: '' })];
    // when
    const pdf = await libraryListPdf({ entries, applied, generatedAt, generatedAtText: '2021-12-20 17:30' });
    // then
    const text = compact(await pdfText(pdf));
    for (const expected of ['省级重点项目库名单', '筛选条件：推荐单位：石家庄市；项目状态：在库、退库', '生成时间（北京时间）：2021-12-2017:30', '共2个项目', '第1页，共1页',
      '项目编号', '项目名称', '统一社会信用代码', '入库日期']) expect(text).toContain(expected);
    for (const e of entries) for (const value of [e.projectNumber, e.projectName, e.enterpriseName, e.uscc]) expect(text).toContain(value);
    expect(text).toContain('退库');
    expect((await pdfFonts(pdf)).some((font) => /NotoSansCJK|NotoSerifCJK|WenQuanYi/.test(font.name) && font.embedded)).toBe(true);
    for (const printed of ['省级重点项目库名单', '智能排产示范项目1号']) {
      const ink = await inkInBoxOf(pdf, printed);
      expect(ink.area, printed).toBeGreaterThan(20);
      expect(ink.dark / ink.area, printed).toBeGreaterThan(0.05);
    }
  });

  it('gives the same bytes for the same list made at the same time, and its creation date is that time', async () => {
    const input = { entries: [entry(1)], applied, generatedAt, generatedAtText: '2021-12-20 17:30' };
    const [first, second] = [await libraryListPdf(input), await libraryListPdf(input)];
    expect(first.equals(second)).toBe(true);
    expect(first.toString('latin1')).toContain('D:20211220093000Z');
  });

  it('repeats the header row on every page of a long list, and says so when nothing matched', async () => {
    const long = await libraryListPdf({ entries: Array.from({ length: 60 }, (_, i) => entry(i + 1)), applied: [], generatedAt, generatedAtText: '2021-12-20 17:30' });
    const pages = (await pdfText(long)).split('\f').filter((page) => page.trim());
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(compact(page)).toContain('统一社会信用代码');
    expect(compact(pages.at(-1)!)).toContain('智能排产示范项目60号');
    expect(compact(pages[0]!)).toContain('筛选条件：全部项目');
    const empty = compact(await pdfText(await libraryListPdf({ entries: [], applied: [], generatedAt, generatedAtText: '2021-12-20 17:30' })));
    expect(empty).toContain('没有符合筛选条件的项目');
    expect(empty).toContain('共0个项目');
  });
});

describe('the library list as Excel', () => {
  const row = (overrides: Partial<LibraryRowView> = {}): LibraryRowView => ({
    projectId: '3f2b8c1e-9a4d-4e2f-8b1a-1c2d3e4f5a6b', projectNumber: '2021-130100-0001', projectName: '智能排产示范项目', enterpriseName: '石家庄示例装备制造有限公司',
    uscc: '91130100MA0A1B2C31', call: { id: '2021', title: '2021年申报' }, unit: { id: '130100', name: '石家庄市' },
    direction: { code: 'mode-intelligent-manufacturing', label: '智能化制造' }, category: { code: 'mode-application', label: '模式应用类' },
    status: 'admitted', statusLabel: '在库', createdAt: new Date('2021-12-10T02:00:00Z'), admittedAt: new Date('2021-12-18T08:05:00Z'), ...overrides,
  });

  it('writes a header and one text row per project in order, formula-like text quoted, and the filters on a sheet of their own', async () => {
    // given: a project whose name a spreadsheet would run as a formula, and one not admitted
    const rows = [row(), row({ projectNumber: '2021-130100-0002', projectName: '=HYPERLINK("http://evil.example","x")', status: 'received', statusLabel: '待形式审查', admittedAt: null })];
    // when
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await libraryWorkbook({ sheetName: '省级重点项目库', rows, applied, generatedAt })) as never);
    // then
    const sheet = book.getWorksheet('省级重点项目库')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '项目编号', '项目名称', '申报企业', '统一社会信用代码', '推荐单位', '申报批次', '申报方向', '类别', '项目状态', '报送时间（北京时间）', '入库时间（北京时间）']);
    expect(sheet.getRow(2).values).toEqual([undefined, '2021-130100-0001', '智能排产示范项目', '石家庄示例装备制造有限公司', '91130100MA0A1B2C31', '石家庄市', '2021年申报', '智能化制造', '模式应用类', '在库', '2021-12-10 10:00', '2021-12-18 16:05']);
    const formula = sheet.getRow(3).getCell(2);
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.formula).toBeUndefined();
    expect(formula.value).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(sheet.getRow(3).getCell(9).value).toBe('待形式审查');
    expect(sheet.getRow(3).getCell(11).value).toBe('');
    expect(sheet.rowCount).toBe(3);
    const filters = book.getWorksheet('筛选条件')!;
    expect([1, 2, 3, 4].map((n) => filters.getRow(n).values)).toEqual([
      [undefined, '推荐单位', '石家庄市'], [undefined, '项目状态', '在库、退库'], [undefined, '项目数', '2'], [undefined, '生成时间', '2021-12-20 17:30（北京时间）'],
    ]);
    expect(book.created).toEqual(generatedAt);
  });
});
