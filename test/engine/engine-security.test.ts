import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import '../provided-context.js';

// The engine's REST API is never open: basic auth with the service account, loopback only. Operators use Cockpit
// with their own account.

const restUrl = () => inject('engineUrl');
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('engine access', () => {
  it.each([
    { who: 'no credentials', authorization: undefined, status: 401 },
    // Not the service account's id: a wrong password would throttle it (Camunda delays logins after a failure),
    // and the shared worker pool uses it throughout the run.
    { who: 'an unknown account', authorization: basic('intruder', 'guessed-password'), status: 401 },
    { who: 'the service account', authorization: basic(inject('engineUser'), inject('enginePassword')), status: 200 },
  ])('answers $status to REST calls with $who', async ({ authorization, status }) => {
    const response = await fetch(`${restUrl()}/process-definition`, { headers: authorization ? { authorization } : {} });
    expect(response.status).toBe(status);
  });

  it('listens on loopback only', async () => {
    const port = Number(new URL(restUrl()).port);
    const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
    // /proc/net/tcp{,6}: "local_address:port ... st"; 0A is LISTEN. 0100007F is 127.0.0.1.
    const listening = [await readFile('/proc/net/tcp', 'utf8'), await readFile('/proc/net/tcp6', 'utf8').catch(() => '')]
      .join('\n')
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A')
      .map((fields) => fields[1]!.split(':')[0]);
    // 127.0.0.1, as an IPv4 socket or as an IPv4-mapped IPv6 one (Java prefers the latter)
    expect(listening.length).toBeGreaterThan(0);
    for (const address of listening) expect(['0100007F', '0000000000000000FFFF00000100007F']).toContain(address);
  });

  it('lets the operators’ admin account into Cockpit, and no one with a wrong password', async () => {
    const webapp = new URL(restUrl()).origin;
    const login = async (password: string) => {
      // Camunda's webapps want the XSRF token from a page load echoed in a header.
      const page = await fetch(`${webapp}/camunda/app/cockpit/default/`);
      const cookies = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const token = /XSRF-TOKEN=([^;]+)/.exec(cookies)?.[1] ?? '';
      return fetch(`${webapp}/camunda/api/admin/auth/user/default/login/cockpit`, {
        method: 'POST',
        headers: { cookie: cookies, 'x-xsrf-token': token, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: inject('engineAdmin').user, password }),
      });
    };
    const ok = await login(inject('engineAdmin').password);
    expect(ok.status).toBe(200);
    expect((await ok.json()).authorizedApps).toContain('cockpit');
    // Last: a wrong password throttles this account for a few seconds.
    expect((await login('wrong-password')).status).toBe(401);
  });
});
