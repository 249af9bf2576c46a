import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationStatusCodes } from '../../domain/application-status.js';
import { templates } from '../../domain/directions.js';
import type { RuleResult } from '../../domain/eligibility/rule.js';
import { modelKinds } from '../../modeling/problem.js';
import { APP_SCHEMA, createPool, type Pool } from '../../platform/database.js';
import type { DocumentFormat, DocumentKind } from '../../store/document-repository.js';
import { engineCommandKinds } from '../../store/engine-command-repository.js';
import type { VersionSource } from '../../store/model-version-repository.js';
import { specialDayKinds } from '../../domain/working-days.js';
import { roles } from '../../web/server/identity/roles.js';
import { registrationKinds, registrationStatuses } from '../../web/server/identity/registration-repository.js';
import { tokenPurposes } from '../../web/server/identity/account-token-repository.js';
import { letterAudiences } from '../../domain/letter-audience.js';
import { projectStatusCodes } from '../../domain/project-status.js';
import { changeKinds, changeRequestStatusCodes } from '../../domain/change-request-rules.js';
import { exitGroundCodes, exitProposalStatusCodes } from '../../domain/project-exit.js';
import type { ChangeRequest } from '../../store/project-change-repository.js';
import { formalDecisions, returnAnswerKinds } from '../../store/project-review-repository.js';
import { relationshipKinds } from '../../domain/expert-conflicts.js';
import { unitIds } from '../../domain/units.js';
import type { PanelDrawKind, SeatStatus } from '../../store/panel-seat-repository.js';
import type { PilotProposal } from '../../store/pilot-selection-repository.js';
import { reviewSessionStatuses } from '../../store/review-session-repository.js';
import { testDatabaseUrl } from '../support/database.js';
import { openTestCall } from '../support/declaration.js';
import { seedLibrary } from '../support/library.js';

// The live database's CHECKs of the form `column IN (…)`, as the migrations left them, against the lists in code.
// A new enum-like column without an entry here fails too, so none goes unchecked.

// Lists the code has as types only: `satisfies` makes the compiler hold them complete and without extras.
const ruleResults = Object.keys({ pass: 1, refused: 1, correction: 1, warning: 1 } satisfies Record<RuleResult, 1>);
type PilotListFormat = 'pdf' | 'xlsx';
const documentKinds = Object.keys({ materials: 1, commitment: 1, 'sealed-materials': 1, 'sealed-commitment': 1, 'recommended-materials': 1 } satisfies Record<DocumentKind, 1>);
const documentFormats = Object.keys({ pdf: 1, docx: 1, scan: 1 } satisfies Record<DocumentFormat, 1>);
const versionSources = Object.keys({ shipped: 1, studio: 1, import: 1, restore: 1 } satisfies Record<VersionSource, 1>);

const expected: Record<string, readonly string[]> = {
  'account.role': roles,
  'application.status': applicationStatusCodes,
  'application.template': templates.map((t) => t.code),
  'application_status_event.status': applicationStatusCodes,
  'application_rule_outcome.result': ruleResults,
  'application_document.kind': documentKinds,
  'application_document.format': documentFormats,
  'model_version.kind': modelKinds,
  'model_version.source': versionSources,
  'engine_command.kind': engineCommandKinds,
  'special_day.kind': specialDayKinds,
  'registration.kind': registrationKinds,
  'registration.status': registrationStatuses,
  'account_token.purpose': tokenPurposes,
  'letter.audience': letterAudiences,
  'project.status': projectStatusCodes,
  'project_status_event.from_status': projectStatusCodes,
  'project_status_event.to_status': projectStatusCodes,
  'project_check.result': ruleResults,
  'project_formal_review.decision': formalDecisions,
  'project_formal_review.answer_kind': returnAnswerKinds,
  'project_change_request.kind': changeKinds,
  'project_change_request.status': changeRequestStatusCodes,
  'project_change_request.unit_opinion': ['agree', 'disagree'] satisfies NonNullable<ChangeRequest['unitOpinion']>[],
  'project_exit_proposal.ground': exitGroundCodes,
  'project_exit_proposal.status': exitProposalStatusCodes,
  'expert.home_unit_id': unitIds,
  'expert_relationship.kind': relationshipKinds.map((k) => k.kind),
  'review_session.status': Object.keys(reviewSessionStatuses),
  'panel_draw.kind': ['draw', 'redraw', 'replacement'] satisfies PanelDrawKind[],
  'panel_seat.status': ['drawn', 'declared', 'scored', 'declined', 'redrawn'] satisfies SeatStatus[],
  'pilot_proposal.decision': ['approve', 'return'] satisfies NonNullable<PilotProposal['decision']>[],
  'pilot_list_document.format': ['pdf', 'xlsx'] satisfies PilotListFormat[],
};

const ENUM_CHECK = /^CHECK \(\(\(?(\w+)\)? = ANY \(\(?ARRAY\[(.*)\]\)?(?:::text\[\])?\)\)\)$/;

describe('the database’s enum CHECKs', () => {
  let db: Pool;
  let checks: Map<string, string[]>;
  beforeAll(async () => {
    db = createPool(testDatabaseUrl(), 1);
    const result = await db.query<{ table_name: string; definition: string }>(
      `SELECT c.relname AS table_name, pg_get_constraintdef(k.oid) AS definition
         FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
        WHERE k.contype = 'c' AND k.connamespace = $1::regnamespace`,
      [APP_SCHEMA],
    );
    checks = new Map();
    for (const row of result.rows) {
      const match = ENUM_CHECK.exec(row.definition);
      if (!match) continue;
      const values = [...match[2]!.matchAll(/'([^']*)'::text/g)].map((m) => m[1]!);
      checks.set(`${row.table_name}.${match[1]}`, values);
    }
  });
  afterAll(() => db.end());

  it('finds the enum CHECKs it knows, and no other', () => {
    expect([...checks.keys()].sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s allows exactly the code’s list', (column, list) => {
    expect([...(checks.get(column) ?? [])].sort()).toEqual([...list].sort());
  });

  it('refuses a status the domain does not know, on the application and in its history', async () => {
    const [entry] = await seedLibrary(db, { callId: (await openTestCall(db)).id, unitId: '130700', count: 1 });
    await expect(db.query("UPDATE application SET status = 'archived' WHERE id = $1", [entry!.id])).rejects.toThrow(/application_status_check/);
    await expect(db.query("INSERT INTO application_status_event (application_id, status, at, actor) VALUES ($1, 'archived', now(), 'test')", [entry!.id]))
      .rejects.toThrow(/application_status_event_status_check/);
  });
});
