import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../platform/config.js';
import { applicationMaterials } from '../../documents/application-materials.js';
import { call2021 } from '../../domain/call.js';
import { commitmentLetter } from '../../documents/commitment-letter.js';
import { renderDocx } from '../../documents/render-docx.js';
import { renderPdf } from '../../documents/render-pdf.js';
import { docxText, inkInBoxOf, pdfFonts, pdfText } from '../support/documents.js';

const attachment = (fileName: string) => ({ id: '3f2b8c1e-9a4d-4e2f-8b1a-1c2d3e4f5a6b', fileName, sha256: 'a'.repeat(64) });
const data = {
  enterpriseName: '石家庄示例装备制造有限公司',
  uscc: '91130100MA0A1B2C31',
  declaredUnit: '130100',
  enterpriseKind: 'industrial',
  independentLegalPerson: true,
  integrationStage: 'integration',
  priorityQualifications: ['specialized-sme', 'it-award'],
  projectName: '基于工业互联网平台的智能排产示范项目',
  direction: 'mode-intelligent-manufacturing',
  totalInvestment: 1200,
  performanceTargets: [{ indicator: '生产效率提升', baseline: '0', target: '20', unit: '%' }],
  selfAssessmentReport: attachment('两化融合自评估报告.pdf'),
};

const groupAndFirm = {
  enterpriseGroup: '唐山示例钢铁集团有限公司',
  enterpriseGroupUscc: '91130200MA0D4E5F68',
  preparedBy: '石家庄示例咨询有限公司',
  preparedByUscc: '91130100MA0A1B2C31',
};

async function materials(given: Record<string, unknown> = data) {
  const form = JSON.parse(await readFile(path.join(projectRoot, 'forms', 'application-mode.form'), 'utf8'));
  return applicationMaterials({ callTitle: '2021年河北省工业互联网创新发展重点项目申报', templateLabel: '模式应用类', applicationNumber: '2021-130100-0007', unitName: '石家庄市', form, data: given, directions: call2021.directions });
}

/** The rows of the document's 企业基本情况 section. */
function enterpriseRows(model: Awaited<ReturnType<typeof materials>>): (readonly [string, string])[] {
  const heading = model.blocks.findIndex((block) => block.type === 'heading' && block.text === '企业基本情况');
  const section = model.blocks[heading + 1];
  return section?.type === 'fields' ? [...section.rows] : [];
}

describe('rendered documents, read back', () => {
  it('writes the 申报材料 as a PDF whose text reads back, with the CJK font embedded and its glyphs drawn', async () => {
    const pdf = await renderPdf(await materials());
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    for (const expected of ['河北省工业互联网创新发展重点项目申报材料', '2021-130100-0007', '石家庄示例装备制造有限公司', '91130100MA0A1B2C31', '智能化制造', '集成提升', '省级“专精特新”中小企业', '生产效率提升', '两化融合自评估报告.pdf', '推荐单位（公章）']) {
      expect(text).toContain(expected.replace(/\s+/g, ''));
    }
    const fonts = await pdfFonts(pdf);
    expect(fonts.some((font) => /NotoSansCJK/.test(font.name) && font.embedded)).toBe(true);
    const ink = await inkInBoxOf(pdf, '申报材料');
    expect(ink.area).toBeGreaterThan(100);
    expect(ink.dark / ink.area).toBeGreaterThan(0.05);
  });

  it('writes the same 申报材料 as a .docx whose text reads back', async () => {
    const text = await docxText(await renderDocx(await materials()));
    for (const expected of ['河北省工业互联网创新发展重点项目申报材料', '2021-130100-0007', '石家庄示例装备制造有限公司', '智能化制造', '生产效率提升']) expect(text).toContain(expected);
  });

  it('shows the group and the firm that prepared the materials in the enterprise section when they are filled, read back from the PDF', async () => {
    // when
    const model = await materials({ ...data, ...groupAndFirm });
    const pdf = await renderPdf(model);
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    // then
    expect(enterpriseRows(model)).toEqual(expect.arrayContaining([
      ['所属集团名称', '唐山示例钢铁集团有限公司'],
      ['所属集团统一社会信用代码', '91130200MA0D4E5F68'],
      ['材料编制单位', '石家庄示例咨询有限公司'],
      ['材料编制单位统一社会信用代码', '91130100MA0A1B2C31'],
    ]));
    for (const expected of ['所属集团名称', '唐山示例钢铁集团有限公司', '91130200MA0D4E5F68', '材料编制单位', '石家庄示例咨询有限公司', '91130100MA0A1B2C31']) expect(text).toContain(expected);
    const ink = await inkInBoxOf(pdf, '唐山示例钢铁集团有限公司');
    expect(ink.dark / ink.area).toBeGreaterThan(0.05);
  });

  it.each<[string, Record<string, unknown>]>([
    ['an application from before them', data],
    ['blank values', { ...data, enterpriseGroup: '', enterpriseGroupUscc: '', preparedBy: ' ', preparedByUscc: '' }],
  ])('leaves the group and the firm out of the document for %s, and shows only what is filled', async (_case, given) => {
    // when
    const labels = enterpriseRows(await materials(given)).map(([label]) => label);
    const firmOnly = enterpriseRows(await materials({ ...given, preparedBy: groupAndFirm.preparedBy })).map(([label]) => label);
    // then
    expect(labels).toContain('企业名称');
    expect(labels.filter((label) => /所属集团|材料编制单位/.test(label))).toEqual([]);
    expect(firmOnly.filter((label) => /所属集团|材料编制单位/.test(label))).toEqual(['材料编制单位']);
  });

  it('writes the 承诺书 in both formats', async () => {
    const letter = commitmentLetter({ enterpriseName: '唐山示例钢铁集团有限公司', uscc: '91130200MA0D4E5F68', projectName: '钢铁行业工业互联网平台', applicationNumber: '2021-130200-0001' });
    const pdfTextRead = (await pdfText(await renderPdf(letter))).replace(/\s+/g, '');
    expect(pdfTextRead).toContain('承诺书');
    expect(pdfTextRead).toContain('唐山示例钢铁集团有限公司');
    expect(pdfTextRead).toContain('特此承诺');
    expect(await docxText(await renderDocx(letter))).toContain('钢铁行业工业互联网平台');
  });
});
