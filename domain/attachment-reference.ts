import { z } from 'zod';

// The one schema of a reference to an uploaded file, wherever one arrives: in an application's data, a sealed scan,
// a batch's sealed table, a generic task's form. The file itself lives in the object store, never in the data;
// whether the caller may reference it is store/attachment-repository.ts's `foreignReferences`.

/** A reference to an uploaded file: its id, the name shown, and the digest that proves the uploader had the bytes. */
export const attachmentReference = z.object({
  id: z.uuid({ error: '附件标识无效' }),
  fileName: z.string().trim().min(1, '不能为空').max(255, '不能超过255个字'),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, '附件摘要无效').toLowerCase(),
});

/** A reference to an uploaded file. */
export type AttachmentReference = z.infer<typeof attachmentReference>;

/** A reference found in some data, with its dotted path there (`performanceTargets.0.proof`). */
export interface ReferenceAt {
  path: string;
  ref: { id: string; fileName: string; sha256: string };
}

// What a reference looks like in free data (a generic task's form, fields outside the rule fields): a uuid id, a file
// name and a digest. A malformed digest is kept, not skipped, so the ownership check refuses the reference.
const referenceShape = z.object({ id: z.uuid(), fileName: z.string(), sha256: z.string() });

/** Every attachment reference anywhere in the data (objects and arrays walked), with its path. */
export function attachmentReferencesIn(value: unknown, path = ''): ReferenceAt[] {
  const asReference = referenceShape.safeParse(value);
  if (asReference.success) return [{ path, ref: asReference.data }];
  const join = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (Array.isArray(value)) return value.flatMap((item, index) => attachmentReferencesIn(item, join(index)));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => attachmentReferencesIn(item, join(key)));
  return [];
}
