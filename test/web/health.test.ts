import { describe, expect, it } from 'vitest';
import { findFreePort } from '../../platform/ports.js';
import { testEngineConfig } from '../support/engine.js';
import { testApp } from '../support/web.js';

describe('health and readiness', () => {
  it('reports the engine version and the database when both answer', async () => {
    const web = await testApp();
    try {
      const ready = await web.app.inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready', engine: { ok: true, version: '7.24.0' }, database: { ok: true } });
      expect((await web.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    } finally {
      await web.close();
    }
  });

  it('says not ready, naming the engine, when the engine is down', async () => {
    const down = { ...testEngineConfig(), ENGINE_URL: `http://127.0.0.1:${await findFreePort()}/engine-rest` };
    const web = await testApp({ engine: down });
    try {
      const ready = await web.app.inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(503);
      const body = ready.json();
      expect(body.status).toBe('not-ready');
      expect(body.engine.ok).toBe(false);
      expect(body.engine.error).toContain('cannot be reached');
      expect(body.database).toEqual({ ok: true });
    } finally {
      await web.close();
    }
  });

  it('answers an unknown route and a malformed body with JSON errors', async () => {
    const web = await testApp();
    try {
      const missing = await web.app.inject({ method: 'GET', url: '/no/such/route' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('NOT_FOUND');
      const malformed = await web.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().code).toBe('VALIDATION_FAILED');
    } finally {
      await web.close();
    }
  });

  it('publishes an OpenAPI document built from the route schemas', async () => {
    const web = await testApp();
    try {
      const doc = (await web.app.inject({ method: 'GET', url: '/docs/json' })).json();
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/ready', '/api/applications/{id}/submit', '/api/tasks/{taskId}/complete']));
    } finally {
      await web.close();
    }
  });
});
