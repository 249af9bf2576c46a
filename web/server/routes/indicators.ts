import '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withTransaction, type Pool } from '../../../platform/database.js';
import type { Call } from '../../../domain/call.js';
import { insertAuditEntry } from '../../../store/audit-log-repository.js';
import { findCall } from '../../../store/call-repository.js';
import { replaceIndicators, type Indicator } from '../../../store/recommendation-repository.js';
import { unitFigures } from '../batches/unit-figures.js';
import { AppError } from '../errors.js';
import { indicatorWorkbook, readIndicatorSheet } from '../indicators/indicator-sheet.js';
import { accountOf } from '../plugins/authentication.js';
import { callParams } from '../schemas/common.js';
import { indicatorsReplacement, indicatorTable, type IndicatorTable } from '../schemas/indicators.js';

// The indicators page (附件1 指标分配表): every unit's indicator of a call as one table, saved together, and the same
// table as an Excel sheet to export and import. One unit at a time is PUT /api/calls/:callId/indicators/:unitId.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const indicatorRoutes: FastifyPluginAsyncZod<{ db: Pool }> = async (app, { db }) => {
  const callOr404 = async (callId: string) => {
    const call = await findCall(db, callId);
    if (!call) throw new AppError('NOT_FOUND', '没有找到这个申报批次，请从批次列表中重新选择。');
    return call;
  };

  async function tableOf(call: Call): Promise<IndicatorTable> {
    const units = (await unitFigures(db, call)).map((u) => ({ unitId: u.unitId, unitName: u.unitName, target: u.target, isCap: u.isCap, recommended: u.recommended }));
    return {
      callId: call.id, callTitle: call.title, provinceFloor: call.provinceFloor, units,
      totalTarget: units.reduce((sum, u) => sum + (u.target ?? 0), 0), totalRecommended: units.reduce((sum, u) => sum + u.recommended, 0),
    };
  }

  /** Replaces the call's indicators and records who did it, in one transaction. */
  async function replace(call: Call, actor: string, indicators: Indicator[], source: 'table' | 'sheet') {
    await withTransaction(db, async (client) => {
      await replaceIndicators(client, call.id, indicators, actor);
      await insertAuditEntry(client, { actor, action: 'indicators.replaced', subject: `call:${call.id}`, callId: call.id, detail: { source, indicators } });
    });
  }

  app.get('/api/calls/:callId/indicators', {
    config: { access: ['province-officer'] },
    schema: { tags: ['recommendation'], summary: 'Every unit’s indicator (附件1) with its recommendations so far, the sum of targets and the province-wide floor', params: callParams, response: { 200: indicatorTable } },
  }, async (request) => tableOf(await callOr404(request.params.callId)));

  app.put('/api/calls/:callId/indicators', {
    config: { access: ['province-officer'] },
    schema: {
      tags: ['recommendation'],
      summary: 'Replace every unit’s indicator at once (units left out have none), in one transaction, audited',
      params: callParams,
      body: indicatorsReplacement,
      response: { 200: indicatorTable },
    },
  }, async (request) => {
    const call = await callOr404(request.params.callId);
    await replace(call, accountOf(request).username, request.body.indicators, 'table');
    return tableOf(call);
  });

  app.get('/api/calls/:callId/indicators.xlsx', {
    config: { access: ['province-officer'] },
    schema: { tags: ['recommendation'], summary: 'The indicators table as the 附件1 Excel sheet', params: callParams },
  }, async (request, reply) => {
    const call = await callOr404(request.params.callId);
    const table = await tableOf(call);
    const fileName = `附件1-培育指标分配表-${call.year}.xlsx`;
    return reply.headers({ 'content-type': XLSX, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}` })
      .send(await indicatorWorkbook(call.title, table.units, call.provinceFloor));
  });

  app.post('/api/calls/:callId/indicators.xlsx', {
    config: { access: ['province-officer'] },
    schema: {
      tags: ['recommendation'],
      summary: 'Import the 附件1 sheet (multipart: file): every row is checked; any problem refuses the whole sheet naming each row, else it replaces the call’s indicators',
      params: callParams,
      response: { 200: indicatorTable },
    },
  }, async (request) => {
    const call = await callOr404(request.params.callId);
    const part = await request.file({ limits: { files: 1 } });
    if (!part) throw new AppError('VALIDATION_FAILED', '请选择要导入的附件1表格（.xlsx）。', [{ path: 'file', message: '缺少文件' }]);
    const reading = await readIndicatorSheet(await part.toBuffer());
    if (!reading.ok) {
      throw new AppError('VALIDATION_FAILED', `附件1表格有 ${reading.problems.length} 处问题，未导入任何指标。请修改后重新导入。`,
        reading.problems.map((p) => ({ path: p.row ? `row.${p.row}` : 'file', message: p.row ? `第 ${p.row} 行：${p.reason}` : p.reason })));
    }
    await replace(call, accountOf(request).username, reading.indicators, 'sheet');
    return tableOf(call);
  });
};
