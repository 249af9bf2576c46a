import { z } from 'zod';

// A multipart body is not parsed by the route's schema: its text fields are read one by one, as zod parses them.

const textField = z.object({ type: z.literal('field'), value: z.string() });

/** The text of a multipart form field (the first, if it was sent more than once); undefined for a file or no field. */
export function multipartText(field: unknown): string | undefined {
  const parsed = textField.safeParse(Array.isArray(field) ? field[0] : field);
  return parsed.success ? parsed.data.value : undefined;
}
