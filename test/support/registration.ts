import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Pool } from '../../platform/database.js';
import { pdfBytes, randomUscc } from './declaration.js';

// What the registration and password-reset API tests share: uploads, a valid registration body, the mailed link.

/** Uploads a registration file as a browser would, unsigned; returns the answer. */
export async function uploadRegistrationFile(app: FastifyInstance, fileName = 'licence.pdf', content: Buffer = pdfBytes) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(content)]), fileName);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return app.inject({ method: 'POST', url: '/api/registration-files', headers: { 'content-type': request.headers.get('content-type')! }, payload: Buffer.from(await request.arrayBuffer()) });
}

/** A valid registration body with two fresh uploads, a random USCC of 石家庄 and a random user name. */
export async function registrationBody(app: FastifyInstance, overrides: Record<string, unknown> = {}) {
  const licence = (await uploadRegistrationFile(app, '营业执照.pdf')).json() as { fileId: string };
  const authorisation = (await uploadRegistrationFile(app, '授权书.pdf')).json() as { fileId: string };
  return {
    uscc: randomUscc(), usccAsPrinted: false, enterpriseName: `测试企业${randomBytes(3).toString('hex')}有限公司`, unitId: '130100',
    legalRepresentative: '张三', contactName: '李四', contactPhone: '0311-12345678', email: `reg-${randomBytes(4).toString('hex')}@example.com`,
    username: `reg.${randomBytes(4).toString('hex')}`, password: 'a-long-password-1', licenceFileId: licence.fileId, authorisationFileId: authorisation.fileId,
    ...overrides,
  };
}

/** The last link of a path prefix mailed to a recipient (read from the outbox), as its token. */
export async function mailedToken(db: Pool, recipient: string, pathPrefix: string): Promise<string> {
  const result = await db.query<{ body: string }>('SELECT body FROM outbox_message WHERE recipient = $1 ORDER BY id DESC', [recipient]);
  for (const { body } of result.rows) {
    const match = new RegExp(`${pathPrefix}/([A-Za-z0-9_-]{20,})`).exec(body);
    if (match) return match[1]!;
  }
  throw new Error(`no ${pathPrefix} link mailed to ${recipient}`);
}
