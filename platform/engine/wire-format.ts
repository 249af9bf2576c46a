// The engine's wire formats that more than one resource shares: dates, process variables, text answers.

/** A date in the engine's wire format (`yyyy-MM-dd'T'HH:mm:ss.SSSZ`). */
export function toEngineDate(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

/** A date the engine wrote (`2021-12-20T10:00:00.000+0800`); JavaScript wants a colon in the offset. */
export function fromEngineDate(text: string): Date {
  return new Date(text.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
}

/** A process variable in the engine's wire format. */
export type EngineVariable = { value: unknown; type?: 'String' | 'Integer' | 'Long' | 'Double' | 'Boolean' | 'Json' | 'Object' | 'Date' | 'Null' };

/** Converts plain values to engine variables: objects and arrays become Json. */
export function toEngineVariables(values: Record<string, unknown>): Record<string, EngineVariable> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      value !== null && typeof value === 'object' ? { value: JSON.stringify(value), type: 'Json' } : { value },
    ]),
  );
}

/** Reads engine variables back to plain values, parsing Json. */
export function fromEngineVariables(variables: Record<string, { value: unknown; type: string }>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(variables).map(([name, v]) => [name, v.type === 'Json' && typeof v.value === 'string' ? JSON.parse(v.value) : v.value]),
  );
}

/** What a text endpoint (error details, stack traces) may answer: it answers errors as JSON, so both. */
export const TEXT_ANSWER = 'text/plain, application/json';

/** A text endpoint's answer as text; null when there is none. */
export function asText(value: unknown): string | null {
  return value === null || value === undefined || value === '' ? null : typeof value === 'string' ? value : JSON.stringify(value);
}
