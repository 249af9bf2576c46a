// The form fields the domain reads, by form id: an administrator may add fields to these forms, but removing or
// renaming one of these would break the rules or the process. Paths use dots for list items ("performanceTargets.indicator").
import type { z } from 'zod';
import { applicationFormIds } from '../domain/application-forms.js';
import { applicationFields } from '../domain/application.js';

/** What the city's preliminary review sends to the process (web/server/tasks/completions/city-review.ts, cityReview). */
export const cityReviewFieldPaths: readonly string[] = ['cityDecision', 'cityOpinion', 'fieldComments.field', 'fieldComments.comment', 'creditCheckPassed'];

// What the web server's completions of the other shipped user tasks read (web/server/tasks/completions/ and
// web/server/applications/sealed-scans.ts).
const taskFieldPaths: Readonly<Record<string, readonly string[]>> = {
  'city-recommendation': ['recommendDecision', 'recommendationOpinion'],
  'batch-submission': ['batchAction', 'sealedTable'],
  'sealed-scans': ['sealedMaterials', 'sealedCommitment'],
  correction: ['correctionResponse'],
};

/** The field paths of a zod object schema, list items' fields included. */
export function fieldPathsOf(schema: z.ZodType): string[] {
  const object = unwrap(schema);
  const shape = (object as { shape?: Record<string, z.ZodType> }).shape;
  if (!shape) return [];
  return Object.entries(shape).flatMap(([key, field]) => {
    const inner = unwrap(field);
    const element = inner.def.type === 'array' ? unwrap((inner.def as unknown as { element: z.ZodType }).element) : undefined;
    const nested = element?.def.type === 'object' ? fieldPathsOf(element).map((path) => `${key}.${path}`) : [];
    return nested.length ? nested : [key];
  });
}

/** The field paths the domain reads from forms of these ids. */
export const domainFieldsByForm: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(Object.values(applicationFormIds).map((id) => [id, fieldPathsOf(applicationFields)])),
  'city-preliminary-review': cityReviewFieldPaths,
  ...taskFieldPaths,
};

// helpers

// Optional, nullable, default and pipe wrappers hide the schema that says what the value is.
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = current.def as unknown as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if (def.innerType && ['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional'].includes(def.type)) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}
