import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withTransaction, type Pool } from '../../../platform/database.js';
import { unitGroupProblems, unitGroupsOf } from '../../../domain/unit-groups.js';
import { isUnitId, reportingUnits } from '../../../domain/units.js';
import { findCityReviewerGroups, listCityReviewerGroups, replaceAccountGroups } from '../../../store/account-group-repository.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { AppError } from '../errors.js';
import { accountOf } from '../plugins/authentication.js';
import { accountGroupsParams, accountGroupsReplacement, unitGroupMember, unitGroupsAnswer } from '../schemas/unit-groups.js';

// 单位分组: the administrator puts a unit's city reviewers in its sub-groups (分管领导 …), which become extra engine
// candidate groups of theirs (identity/roles.ts), so a task a model gives `${cityGroup}leader` reaches them.

export const unitGroupRoutes: FastifyPluginAsyncZod<{ db: Pool }> = async (app, { db }) => {
  app.get('/api/unit-groups', {
    config: { access: ['administrator'] },
    schema: { tags: ['unit-groups'], summary: 'Every unit’s sub-groups and its city reviewers with the groups they are in', response: { 200: unitGroupsAnswer } },
  }, async () => {
    const reviewers = await listCityReviewerGroups(db);
    return {
      units: reportingUnits.map((unit) => ({
        unitId: unit.id,
        unitName: unit.name,
        groups: unitGroupsOf(unit.id).map(({ groupId, label }) => ({ groupId, label })),
        reviewers: reviewers.filter((r) => r.unitId === unit.id).map(({ accountId, username, displayName, disabled, groups }) => ({ accountId, username, displayName, disabled, groups })),
      })),
    };
  });

  app.put('/api/unit-groups/accounts/:accountId', {
    config: { access: ['administrator'] },
    schema: {
      tags: ['unit-groups'],
      summary: 'Set the sub-groups a city reviewer is in: only groups of its own unit',
      params: accountGroupsParams,
      body: accountGroupsReplacement,
      response: { 200: unitGroupMember },
    },
  }, async (request) => {
    const actor = accountOf(request).username;
    const { groups } = request.body;
    return withTransaction(db, async (client) => {
      const reviewer = await findCityReviewerGroups(client, request.params.accountId);
      if (!reviewer || !isUnitId(reviewer.unitId)) throw new AppError('NOT_FOUND', '没有找到这位市级审核人员，请刷新单位分组页面。');
      const problems = unitGroupProblems(reviewer.unitId, groups);
      if (problems.length) throw new AppError('VALIDATION_FAILED', undefined, problems.map(({ index, message }) => ({ path: `body.groups.${index}`, message })));
      await replaceAccountGroups(client, reviewer.accountId, groups, actor);
      await insertAuditEntry(client, { actor, action: 'unit-groups.replaced', subject: `account:${reviewer.username}`, unitId: reviewer.unitId, detail: { unitId: reviewer.unitId, from: reviewer.groups, to: [...groups].sort() } });
      const { accountId, username, displayName, disabled } = reviewer;
      return { accountId, username, displayName, disabled, groups: [...groups].sort() };
    });
  });
};
