import { describe, expect, it } from 'vitest';
import { loadDatabaseConfig, loadEngineClientConfig, loadLocalStackConfig, loadWebConfig } from '../../platform/config.js';
import { ConfigError } from '../../platform/env.js';

describe('configuration from the environment', () => {
  it.each([
    ['a port that is not a number', () => loadWebConfig({ WEB_PORT: 'abc' }), 'WEB_PORT'],
    ['a port out of range', () => loadWebConfig({ WEB_PORT: '70000' }), 'WEB_PORT'],
    ['a missing engine password', () => loadEngineClientConfig({}), 'ENGINE_REST_PASSWORD'],
    ['a too short engine password', () => loadEngineClientConfig({ ENGINE_REST_PASSWORD: 'short' }), 'ENGINE_REST_PASSWORD'],
    ['an engine user id the engine would refuse', () => loadEngineClientConfig({ ENGINE_REST_USER: 'svc-user', ENGINE_REST_PASSWORD: 'long-enough-secret' }), 'ENGINE_REST_USER'],
    ['a database URL of another kind', () => loadDatabaseConfig({ DATABASE_URL: 'mysql://x' }), 'DATABASE_URL'],
    ['the system PostgreSQL port for the embedded one', () => loadLocalStackConfig({ EMBEDDED_PG_PORT: '5432' }), 'EMBEDDED_PG_PORT'],
  ])('stops with one line naming the variable: %s', (_case, load, variable) => {
    // given / when
    let error: unknown;
    try {
      load();
    } catch (caught) {
      error = caught;
    }
    // then
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(`Environment variable ${variable} is invalid`);
    expect(message).not.toContain('\n');
  });

  it('fills defaults and trims a trailing slash from the engine URL', () => {
    const engine = loadEngineClientConfig({ ENGINE_URL: 'http://engine:8080/engine-rest/', ENGINE_REST_PASSWORD: 'long-enough-secret' });
    expect(engine).toEqual({ ENGINE_URL: 'http://engine:8080/engine-rest', ENGINE_REST_USER: 'iiotservice', ENGINE_REST_PASSWORD: 'long-enough-secret' });
    expect(loadWebConfig({}).WEB_PORT).toBe(3000);
  });

  it('treats an empty variable as unset', () => {
    expect(loadWebConfig({ WEB_PORT: '' }).WEB_PORT).toBe(3000);
  });
});
