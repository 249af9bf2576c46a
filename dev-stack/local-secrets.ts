import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const secretsSchema = z.object({
  databasePassword: z.string(),
  engineRestPassword: z.string(),
  engineAdminPassword: z.string(),
  demoPassword: z.string(),
});
export type LocalSecrets = z.infer<typeof secretsSchema>;

/**
 * Passwords for the embedded default, generated on first start and kept in DATA_DIR (git-ignored, mode 600), so
 * no password is committed and a restart reuses the same ones. Deployments set them through the environment.
 */
export async function loadOrCreateLocalSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = path.join(dataDir, 'local-secrets.json');
  const secret = () => randomBytes(18).toString('base64url');
  if (existsSync(file)) {
    const stored = secretsSchema.partial().parse(JSON.parse(await readFile(file, 'utf8')));
    const complete = secretsSchema.safeParse(stored);
    if (complete.success) return complete.data;
    // A folder from an older version lacks a newer secret: add it, keep the rest.
    const filled = { databasePassword: secret(), engineRestPassword: secret(), engineAdminPassword: secret(), demoPassword: secret(), ...stored };
    await writeFile(file, `${JSON.stringify(filled, null, 2)}\n`, { mode: 0o600 });
    return filled;
  }
  const secrets = { databasePassword: secret(), engineRestPassword: secret(), engineAdminPassword: secret(), demoPassword: secret() };
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error; // another start wrote it first: use theirs
  });
  return secretsSchema.parse(JSON.parse(await readFile(file, 'utf8')));
}
