import type { Queryable } from '../../../platform/database.js';
import { directions as shippedDirections } from '../../../domain/directions.js';
import { listCalls } from '../../../store/call-repository.js';

// The directions an expert may review: every direction any call has (the newest call's label of a code), then the
// shipped ones none has. A direction is data of a call, so the pool's vocabulary is the union of the calls'.

/** A direction as the pool offers it. */
export interface PoolDirection {
  code: string;
  label: string;
}

/** The directions the pool knows, newest call's labels first. */
export async function directionCatalogue(db: Queryable): Promise<PoolDirection[]> {
  const found = new Map<string, PoolDirection>();
  for (const direction of [...(await listCalls(db)).flatMap((call) => call.directions), ...shippedDirections]) {
    if (!found.has(direction.code)) found.set(direction.code, { code: direction.code, label: direction.label });
  }
  return [...found.values()];
}

/** Reads a direction as a sheet names it, by label (any call's) or by code; undefined when none has it. */
export function directionReader(catalogue: readonly PoolDirection[]): (text: string) => string | undefined {
  // Full-width and half-width brackets alike: 行业（区域）级 and 行业(区域)级 name one direction.
  const key = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
  const byName = new Map<string, string>();
  for (const direction of catalogue) {
    byName.set(direction.code, direction.code);
    if (!byName.has(key(direction.label))) byName.set(key(direction.label), direction.code);
  }
  return (text) => byName.get(key(text));
}

/** A direction's label; the code itself when the catalogue has none. */
export function directionLabelOf(catalogue: readonly PoolDirection[], code: string): string {
  return catalogue.find((direction) => direction.code === code)?.label ?? code;
}
