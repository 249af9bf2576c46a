// The application fields the domain rules read — not the whole form. The server parses every submission with
// this schema (besides the deployed form's own rules), so messages are Chinese: the applicant sees them.
import { z } from 'zod';
import { sharedFieldLabels } from './application-shared-fields.js';
import { attachmentReference } from './attachment-reference.js';
import { directionCodePattern } from './directions.js';
import { priorityQualificationCodes } from './priority.js';
import { unitIds } from './units.js';
import { checkUscc } from './uscc.js';

/** Enterprise kinds; software and IT-service enterprises count as industrial (二、（一）). */
export const enterpriseKindLabels = {
  industrial: '工业企业',
  'software-it': '软件和信息服务业企业',
  other: '其他',
} as const;

/** The national 两化融合 stages (GB/T 23020), lowest first: the order matters to E3. */
export const integrationStages = ['starting', 'single-coverage', 'integration', 'innovation'] as const;

/** One 两化融合 stage. */
export type IntegrationStage = (typeof integrationStages)[number];

/** Chinese names of the 两化融合 stages. */
export const integrationStageLabels: Readonly<Record<IntegrationStage, string>> = {
  starting: '起步建设',
  'single-coverage': '单项覆盖',
  integration: '集成提升',
  innovation: '创新突破',
};

/** Project kinds; only new and continued projects may be declared (E4). */
export const projectTypeLabels = { new: '新建', continued: '续建', other: '其他' } as const;

/** The largest amount accepted, in 万元 (one hundred billion yuan): beyond it a typo is far likelier than a project. */
export const maxAmountWanYuan = 10_000_000;

const required = '不能为空';

const text = (max: number) => z.string().trim().min(1, required).max(max, `不能超过${max}个字`);
const optionalText = (max: number) => z.string().trim().max(max, `不能超过${max}个字`);
const yesNo = z.boolean({ error: '请选择是或否' });
const amount = z
  .number({ error: '请输入金额' })
  .min(0, '金额不能为负数')
  .max(maxAmountWanYuan, `金额不能超过${maxAmountWanYuan}万元`);
const isoDate = z.iso.date({ error: '请输入有效日期' });
// Optional codes of other organisations (the group, the firm that prepared the materials): never required, but a
// code given must be one — a mistyped code would hide a conflict of interest from the expert draw. Unlike the
// enterprise's own code there is no "as printed" confirmation, so a failing check character is refused too.
const optionalUscc = z
  .string()
  .trim()
  .superRefine((code, context) => {
    if (code === '') return;
    const check = checkUscc(code);
    if (check.ok) return;
    const message = check.problem === 'check-character' ? '统一社会信用代码校验位不正确，请核对营业执照' : check.message;
    context.addIssue({ code: 'custom', message, input: code });
  })
  .optional();

/** One structured performance target (绩效目标): acceptance and spot-checks judge against it. */
export const performanceTarget = z.object({
  indicator: text(100),
  // A new project may have no baseline, and a target such as "通过认证" has no unit.
  baseline: optionalText(50).default(''),
  target: text(50),
  unit: optionalText(20).default(''),
});

/** The application fields the eligibility rules read. */
export const applicationFields = z
  .object({
    enterpriseName: text(100),
    uscc: z.string().trim().min(1, required),
    usccConfirmedAsPrinted: yesNo.default(false),
    // The conflict rules of the expert draw read these (LIFECYCLE.md stage 4b); applications before them have none.
    enterpriseGroup: optionalText(100).optional(),
    enterpriseGroupUscc: optionalUscc,
    declaredUnit: z.enum(unitIds, { error: '请选择有效的推荐单位' }),
    enterpriseKind: z.enum(['industrial', 'software-it', 'other'], { error: '请选择企业类型' }),
    independentLegalPerson: yesNo,
    localStatsProof: attachmentReference.optional(),
    localTaxProof: attachmentReference.optional(),
    integrationStage: z.enum(integrationStages, { error: '请选择两化融合发展水平阶段' }),
    selfAssessmentReport: attachmentReference.optional(),
    itTeamSize: z.int({ error: '请输入整数' }).min(0, '不能为负数').max(100_000, '人数过大，请核对'),
    badRecordDeclared: yesNo,
    priorityQualifications: z
      .array(z.enum(priorityQualificationCodes, { error: '请选择有效的优先条件' }))
      .refine((codes) => new Set(codes).size === codes.length, '优先条件不能重复选择')
      .default([]),
    preparedBy: optionalText(100).optional(),
    preparedByUscc: optionalUscc,
    projectName: text(100),
    // Any code of the right shape: whether the call declares it on the draft's template is `directionProblem`'s.
    direction: z.string({ error: '请选择有效的申报方向' }).regex(directionCodePattern, '请选择有效的申报方向'),
    projectType: z.enum(['new', 'continued', 'other'], { error: '请选择项目类型' }),
    totalInvestment: amount,
    completedInvestment: amount,
    periodStart: isoDate,
    periodEnd: isoDate,
    plannedForPilot: yesNo,
    filingNumber: optionalText(64).optional(),
    priorFiscalFunding: yesNo,
    performanceTargets: z
      .array(performanceTarget)
      .min(1, '请至少填写一项绩效目标')
      .max(20, '绩效目标不能超过20项'),
  })
  // Cross-field checks run as soon as their own fields are valid, so the applicant sees every problem at once.
  .superRefine((fields, context) => {
    const check = checkUscc(fields.uscc);
    if (check.ok || (check.problem === 'check-character' && fields.usccConfirmedAsPrinted)) return;
    context.addIssue({ code: 'custom', path: ['uscc'], message: check.message, input: fields.uscc });
  }, whenValid('uscc', 'usccConfirmedAsPrinted'))
  .superRefine((fields, context) => {
    // A code alone names no one the expert could recognise: the name goes with it.
    const pairs = [
      ['enterpriseGroup', 'enterpriseGroupUscc', '填写了所属集团统一社会信用代码的，请同时填写所属集团名称'],
      ['preparedBy', 'preparedByUscc', '填写了材料编制单位统一社会信用代码的，请同时填写材料编制单位名称'],
    ] as const;
    for (const [name, code, message] of pairs) {
      if (fields[code] && !fields[name]) context.addIssue({ code: 'custom', path: [name], message, input: fields[name] });
    }
  }, whenValid('enterpriseGroup', 'enterpriseGroupUscc', 'preparedBy', 'preparedByUscc'))
  .superRefine((fields, context) => {
    if (fields.completedInvestment <= fields.totalInvestment) return;
    const message = '已完成投资不能超过项目总投资';
    context.addIssue({ code: 'custom', path: ['completedInvestment'], message, input: fields.completedInvestment });
  }, whenValid('totalInvestment', 'completedInvestment'))
  .superRefine((fields, context) => {
    // ISO dates compare correctly as strings.
    if (fields.periodEnd >= fields.periodStart) return;
    context.addIssue({ code: 'custom', path: ['periodEnd'], message: '结束日期不能早于开始日期', input: fields.periodEnd });
  }, whenValid('periodStart', 'periodEnd'));

/** The parsed application fields. */
export type ApplicationFields = z.infer<typeof applicationFields>;

/**
 * The Chinese label of each field, as the application forms show it: taken from the fields the forms share
 * (generated from forms/fragments/), so a label changes in one place; a domain field the forms do not share fails
 * to compile here.
 */
export const fieldLabels: Readonly<Record<keyof ApplicationFields, string>> = Object.fromEntries(
  Object.keys(applicationFields.shape).map((key) => [key, sharedFieldLabels[key as keyof ApplicationFields]]),
) as Record<keyof ApplicationFields, string>;

// helpers

/** Lets a cross-field check run when the value is an object and none of the fields it reads has an issue. */
function whenValid(...keys: string[]): z.core.$ZodSuperRefineParams {
  return {
    when: (payload) =>
      payload.issues.every((issue) => issue.path !== undefined && issue.path.length > 0 && !keys.includes(String(issue.path[0]))),
  };
}
