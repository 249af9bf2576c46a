// The readable application number, e.g. 2021-130100-0007: the call's year, the reporting unit, a sequence per
// unit and year. Uniqueness comes from the database that hands out the sequence; this file only spells it.
import { isUnitId, type UnitId } from './units.js';

/** The parts of an application number. */
export interface ApplicationNumberParts {
  year: number;
  unitId: UnitId;
  sequence: number;
}

const applicationNumberPattern = /^(\d{4})-(\d{6}|xiongan)-(\d{4})$/;

/** Spells an application number; throws on parts that could not be read back. */
export function formatApplicationNumber(year: number, unitId: string, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`Invalid application year: ${year}`);
  if (!isUnitId(unitId)) throw new RangeError(`Unknown reporting unit: ${unitId}`);
  // Four digits are plenty: the whole province cultivates a few hundred projects a year.
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9999) {
    throw new RangeError(`Invalid application sequence: ${sequence}`);
  }
  return `${year}-${unitId}-${String(sequence).padStart(4, '0')}`;
}

/** Reads an application number back into its parts; undefined when it is not one. */
export function parseApplicationNumber(text: string): ApplicationNumberParts | undefined {
  const match = applicationNumberPattern.exec(text.trim());
  if (match === null) return undefined;
  const [, year = '', unitId = '', sequence = ''] = match;
  if (!isUnitId(unitId) || Number(year) < 2000 || Number(sequence) < 1) return undefined;
  return { year: Number(year), unitId, sequence: Number(sequence) };
}
