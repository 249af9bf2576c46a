import { z } from 'zod';

/** Start-up stops with this error; its message is one line naming the variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses environment variables with a zod object schema; the first bad variable is named in a ConfigError. */
export function parseEnv<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  // Empty strings count as unset, as they do in most shells and compose files.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0] ?? '?');
  const given = present[name];
  const shown = given === undefined ? 'it is not set' : `got ${JSON.stringify(given)}`;
  throw new ConfigError(`Environment variable ${name} is invalid: ${issue.message} (${shown})`);
}

/** A TCP port given as a string. */
export const port = z.coerce.number().int().min(1).max(65535);

/** A positive whole number given as a string (counts, milliseconds). */
export const positiveInt = z.coerce.number().int().positive();

/** A boolean given as true/false/1/0. */
export const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
