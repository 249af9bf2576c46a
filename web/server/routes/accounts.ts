import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from '../../../platform/database.js';
import { hashPassword } from '../../../platform/password.js';
import { accountShapeProblems } from '../../../domain/account-rules.js';
import { unitNameOf } from '../../../domain/units.js';
import { AppError } from '../errors.js';
import { changeAccount, createAccount, listAccounts, setInitialPassword, type Manager } from '../identity/account-administration.js';
import { accountOf } from '../plugins/authentication.js';
import { noContent } from '../schemas/common.js';
import {
  accountChange, accountCreation, accountListQuery, accountPage, accountParams, managedAccount, passwordSetting, unitAccountChange,
  unitAccountCreation, unitAccountList,
} from '../schemas/accounts.js';

// 账号管理: the administrator manages every account (/api/accounts); a unit administrator (a city reviewer with
// unit_admin) manages its own unit's city reviewers (/api/my-unit/accounts), its unit taken from its account.

export const accountRoutes: FastifyPluginAsyncZod<{ db: Pool }> = async (app, { db }) => {
  const administrator = (request: FastifyRequest): Manager => ({ kind: 'administrator', account: accountOf(request) });
  const unitAdministrator = (request: FastifyRequest): Manager => ({ kind: 'unit-administrator', account: accountOf(request) });
  // Before validation, so a reviewer without the flag learns nothing about the bodies.
  const onlyUnitAdministrators = async (request: FastifyRequest) => {
    if (!accountOf(request).unitAdmin) throw new AppError('FORBIDDEN', '只有本单位的单位管理员可以管理本单位账号。');
  };

  app.get('/api/accounts', {
    config: { access: ['administrator'] },
    schema: { tags: ['accounts'], summary: 'Accounts by role, unit, name and state, a page at a time', querystring: accountListQuery, response: { 200: accountPage } },
  }, async (request) => {
    const { page, pageSize } = request.query;
    return { ...(await listAccounts(db, request.query)), page, pageSize };
  });

  app.post('/api/accounts', {
    config: { access: ['administrator'] },
    schema: { tags: ['accounts'], summary: 'Create an account of any role but an enterprise’s, with an initial password', body: accountCreation, response: { 201: managedAccount } },
  }, async (request, reply) => {
    const { password, unitId, unitAdmin, ...fields } = request.body;
    const shape = { role: fields.role, unitId: unitId ?? null, unitAdmin: unitAdmin ?? false };
    const problems = accountShapeProblems(shape);
    if (problems.length) throw new AppError('VALIDATION_FAILED', problems[0]!.message, problems.map(({ field, message }) => ({ path: `body.${field}`, message })));
    const created = await createAccount(db, administrator(request), { ...fields, ...shape, passwordHash: await hashPassword(password) });
    return reply.status(201).send(created);
  });

  app.patch('/api/accounts/:accountId', {
    config: { access: ['administrator'] },
    schema: {
      tags: ['accounts'],
      summary: 'Change an account (name, e-mail, role, unit, unit administrator, disabled); disabling or a new role or unit ends its sessions',
      params: accountParams, body: accountChange, response: { 200: managedAccount },
    },
  }, async (request) => changeAccount(db, administrator(request), request.params.accountId, request.body));

  app.post('/api/accounts/:accountId/password', {
    config: { access: ['administrator'] },
    schema: { tags: ['accounts'], summary: 'Set a new initial password; every session of the account ends', params: accountParams, body: passwordSetting, response: { 204: noContent } },
  }, async (request, reply) => {
    await setInitialPassword(db, administrator(request), request.params.accountId, await hashPassword(request.body.password));
    return reply.status(204).send(null);
  });

  app.get('/api/my-unit/accounts', {
    config: { access: ['city-reviewer'] },
    preValidation: onlyUnitAdministrators,
    schema: { tags: ['accounts'], summary: 'A unit administrator’s list: its own unit’s city reviewers', response: { 200: unitAccountList } },
  }, async (request) => {
    const unitId = accountOf(request).unitId!;
    const { accounts } = await listAccounts(db, { role: 'city-reviewer', unitId, page: 1, pageSize: 1000 });
    return { unitId, unitName: unitNameOf(unitId), accounts };
  });

  app.post('/api/my-unit/accounts', {
    config: { access: ['city-reviewer'] },
    preValidation: onlyUnitAdministrators,
    schema: { tags: ['accounts'], summary: 'A unit administrator creates a city reviewer of its own unit', body: unitAccountCreation, response: { 201: managedAccount } },
  }, async (request, reply) => {
    const { password, unitAdmin, ...fields } = request.body;
    const unitId = accountOf(request).unitId!;
    const created = await createAccount(db, unitAdministrator(request), { ...fields, role: 'city-reviewer', unitId, unitAdmin: unitAdmin ?? false, passwordHash: await hashPassword(password) });
    return reply.status(201).send(created);
  });

  app.patch('/api/my-unit/accounts/:accountId', {
    config: { access: ['city-reviewer'] },
    preValidation: onlyUnitAdministrators,
    schema: {
      tags: ['accounts'],
      summary: 'A unit administrator changes a reviewer of its unit (name, e-mail, unit administrator, disabled); never its role or unit',
      params: accountParams, body: unitAccountChange, response: { 200: managedAccount },
    },
  }, async (request) => changeAccount(db, unitAdministrator(request), request.params.accountId, request.body));

  app.post('/api/my-unit/accounts/:accountId/password', {
    config: { access: ['city-reviewer'] },
    preValidation: onlyUnitAdministrators,
    schema: { tags: ['accounts'], summary: 'A unit administrator sets a new initial password of a reviewer of its unit', params: accountParams, body: passwordSetting, response: { 204: noContent } },
  }, async (request, reply) => {
    await setInitialPassword(db, unitAdministrator(request), request.params.accountId, await hashPassword(request.body.password));
    return reply.status(204).send(null);
  });
};
