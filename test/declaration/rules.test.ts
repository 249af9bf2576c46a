import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../../domain/call.js';
import { usccCharset } from '../../domain/uscc.js';
import { draftAndSubmit, newApplicant, openTestCall, randomUscc, uploadPdf, validModeData, waitForStatus } from '../support/declaration.js';
import { testApp } from '../support/web.js';

// For each eligibility rule, the outcome DOMAIN.md's table gives, reached through the real engine and workers.

type Case = {
  name: string;
  uscc?: () => string;
  overrides: Record<string, unknown>;
  status: 'refused' | 'correction-requested' | 'awaiting-sealed-scans';
  outcome: { ruleId: string; result: string; field?: string };
};

/** A USCC whose check character is wrong, as some early licences print. */
function usccWithBadCheck(): string {
  const good = randomUscc();
  const wrong = usccCharset[(usccCharset.indexOf(good.at(-1)!) + 1) % usccCharset.length];
  return good.slice(0, 17) + wrong;
}

const cases: Case[] = [
  { name: 'E1 an enterprise registered outside Hebei', uscc: () => randomUscc('320100'), overrides: {}, status: 'refused', outcome: { ruleId: 'E1', result: 'refused', field: 'uscc' } },
  { name: 'E1 an enterprise that is not industrial', overrides: { enterpriseKind: 'other' }, status: 'refused', outcome: { ruleId: 'E1', result: 'refused', field: 'enterpriseKind' } },
  { name: 'E1 no independent legal person, proofs missing', overrides: { independentLegalPerson: false }, status: 'correction-requested', outcome: { ruleId: 'E1', result: 'correction', field: 'localStatsProof' } },
  { name: 'E1 registered in another unit (territorial principle)', uscc: () => randomUscc('130203'), overrides: {}, status: 'awaiting-sealed-scans', outcome: { ruleId: 'E1', result: 'warning', field: 'declaredUnit' } },
  { name: 'E1 a check character confirmed as printed', uscc: usccWithBadCheck, overrides: { usccConfirmedAsPrinted: true }, status: 'awaiting-sealed-scans', outcome: { ruleId: 'E1', result: 'warning', field: 'uscc' } },
  { name: 'E2 a declared bad record', overrides: { badRecordDeclared: true }, status: 'refused', outcome: { ruleId: 'E2', result: 'refused', field: 'badRecordDeclared' } },
  { name: 'E3 a stage below the minimum', overrides: { integrationStage: 'starting' }, status: 'refused', outcome: { ruleId: 'E3', result: 'refused', field: 'integrationStage' } },
  { name: 'E3 no IT team', overrides: { itTeamSize: 0 }, status: 'refused', outcome: { ruleId: 'E3', result: 'refused', field: 'itTeamSize' } },
  { name: 'E3 no self-assessment report', overrides: { selfAssessmentReport: undefined }, status: 'correction-requested', outcome: { ruleId: 'E3', result: 'correction', field: 'selfAssessmentReport' } },
  { name: 'E4 neither new nor continued', overrides: { projectType: 'other' }, status: 'refused', outcome: { ruleId: 'E4', result: 'refused', field: 'projectType' } },
  { name: 'E5 fiscal funds received before', overrides: { priorFiscalFunding: true }, status: 'refused', outcome: { ruleId: 'E5', result: 'refused', field: 'priorFiscalFunding' } },
  { name: 'E7 meant for a pilot without filing', overrides: { plannedForPilot: true, filingNumber: undefined }, status: 'correction-requested', outcome: { ruleId: 'E7', result: 'correction', field: 'filingNumber' } },
];

describe('eligibility rules through the process', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let call: Call;
  beforeAll(async () => {
    web = await testApp();
    call = await openTestCall(web.db);
  });
  afterAll(() => web.close());

  async function outcomesOf(id: string, headers: Record<string, string>) {
    const status = (await web.app.inject({ method: 'GET', url: `/api/applications/${id}/status`, headers })).json();
    return status as { history: { status: string; reason: string | null }[]; ruleOutcomes: { ruleId: string; result: string; field?: string; reason?: string }[] };
  }

  it.each(cases)('$name → $status', async ({ uscc, overrides, status, outcome }) => {
    // given
    const applicant = await newApplicant(web.app, web.db, uscc?.());
    const data = await validModeData(web.app, applicant.headers, applicant.uscc, overrides);
    // when
    const { id, response } = await draftAndSubmit(web.app, applicant.headers, call.id, data);
    expect(response.statusCode, response.body).toBe(200);
    // then
    await waitForStatus(web.db, id, status);
    const { history, ruleOutcomes } = await outcomesOf(id, applicant.headers);
    const found = ruleOutcomes.find((o) => o.ruleId === outcome.ruleId && o.result === outcome.result && o.field === outcome.field);
    expect(found, JSON.stringify(ruleOutcomes)).toBeDefined();
    expect(found!.reason).toMatch(/[\u4e00-\u9fa5]/); // a Chinese reason the applicant reads
    if (status !== 'awaiting-sealed-scans') expect(history.at(-1)!.reason).toContain(found!.reason!.slice(0, 10));
  });

  it('E6 refuses the same project declared twice, naming the earlier application', async () => {
    // given: one enterprise, one project, already declared
    const applicant = await newApplicant(web.app, web.db);
    const data = await validModeData(web.app, applicant.headers, applicant.uscc);
    const first = await draftAndSubmit(web.app, applicant.headers, call.id, data);
    const firstNumber = (await waitForStatus(web.db, first.id, 'awaiting-sealed-scans')).applicationNumber!;
    // when: declared again, spelled with other spaces and full-width brackets
    const again = { ...data, projectName: `  ${String(data.projectName).replace(' ', '　')}（）` , selfAssessmentReport: await uploadPdf(web.app, applicant.headers, 'r.pdf') };
    const second = await draftAndSubmit(web.app, applicant.headers, call.id, again);
    // then
    await waitForStatus(web.db, second.id, 'refused');
    const { ruleOutcomes } = await outcomesOf(second.id, applicant.headers);
    const e6 = ruleOutcomes.find((o) => o.ruleId === 'E6');
    expect(e6).toMatchObject({ result: 'refused' });
    expect(e6!.reason).toContain(firstNumber);
    // and the first goes on
    expect((await outcomesOf(first.id, applicant.headers)).history.at(-1)!.status).toBe('awaiting-sealed-scans');
  });

  it('E8 refuses a submission after the deadline at once and stores nothing', async () => {
    // given: a call whose enterprise deadline has passed
    const past = await openTestCall(web.db, new Date(Date.now() - 40 * 86_400_000));
    const applicant = await newApplicant(web.app, web.db);
    const data = await validModeData(web.app, applicant.headers, applicant.uscc);
    // when
    const { id, response } = await draftAndSubmit(web.app, applicant.headers, past.id, data);
    // then
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'CALL_CLOSED', message: '不在申报时间内，无法提交。' });
    const application = (await web.app.inject({ method: 'GET', url: `/api/applications/${id}`, headers: applicant.headers })).json();
    expect(application).toMatchObject({ status: 'draft', applicationNumber: null, data: {} });
  });
});
