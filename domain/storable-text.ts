// PostgreSQL cannot store every JavaScript string: U+0000 is refused by text and jsonb alike (22P05), and jsonb
// refuses a lone UTF-16 surrogate (text would silently turn it into U+FFFD). Such text is answered with a field
// message before anything is written, instead of failing the write with a 500.

/** Why a text cannot be stored. */
export type UnstorableReason = 'control-character' | 'lone-surrogate';

/** A place in a value whose text cannot be stored: its dotted path and why. */
export interface UnstorableText {
  path: string;
  reason: UnstorableReason;
}

const NUL = String.fromCharCode(0);
// A high surrogate not followed by a low one, or a low one not preceded by a high one (code units, no `u` flag).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The Chinese field message for each reason. */
export const unstorableTextMessages: Record<UnstorableReason, string> = {
  'control-character': '含有无法保存的控制字符，请删除后重试',
  'lone-surrogate': '含有不完整的 Unicode 字符，无法保存，请删除后重试',
};

/** Why this text cannot be stored, or null when it can. */
export function unstorableReason(text: string): UnstorableReason | null {
  if (text.includes(NUL)) return 'control-character';
  if (LONE_SURROGATE.test(text)) return 'lone-surrogate';
  return null;
}

/**
 * Every string in a value (nested objects and lists, object keys too) that cannot be stored, with its path: list
 * items by index (`targets.0.indicator`); a bad key is reported at the object that holds it.
 */
export function findUnstorableText(value: unknown, path: string): UnstorableText[] {
  const found: UnstorableText[] = [];
  walk(value, path, found, 0);
  return found;
}

// helpers

function walk(value: unknown, path: string, found: UnstorableText[], depth: number): void {
  if (typeof value === 'string') {
    const reason = unstorableReason(value);
    if (reason) found.push({ path, reason });
    return;
  }
  // JSON bodies are at most 1 MiB; the depth bound only guards against pathological nesting
  if (value === null || typeof value !== 'object' || depth > 64) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, join(path, String(index)), found, depth + 1));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    const reason = unstorableReason(key);
    if (reason) found.push({ path, reason });
    else walk(item, join(path, key), found, depth + 1);
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
