import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger.js';
import { seedDemoApplicationsLine } from '../../scripts/demo/demo-seed-line.js';
import { findFreePort } from '../../platform/ports.js';
import { testApp } from '../support/web.js';

// When the demo cannot be seeded, `npm start` prints one line saying why and goes on: the line is returned, never thrown.

describe('the line npm start prints about the demo applications', () => {
  let web: Awaited<ReturnType<typeof testApp>>;
  let base: string;
  beforeAll(async () => {
    web = await testApp();
    base = await web.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => web.close());
  const silent = createLogger('test-demo', 'silent');

  it('names the refused sign-in and says the rest runs', async () => {
    const line = await seedDemoApplicationsLine(base, 'not-the-demo-password', silent);
    expect(line).toMatch(/^Demo applications: not seeded completely \(signing in as sjz\.enterprise was refused: 401 .*\); the rest of the system runs/);
    expect(line.split('\n')).toHaveLength(1);
  });

  it('names a web server that does not answer', async () => {
    const line = await seedDemoApplicationsLine(`http://0.0.0.0:${await findFreePort()}`, 'x', silent);
    expect(line).toMatch(/^Demo applications: not seeded completely \(fetch failed\)/);
  });
});
