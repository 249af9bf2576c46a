// Type sanity of a submitted value per component type: what a browser running form-js could have produced.
import { staticOptions, type FormComponent } from '../../modeling/form-schema.js';
import { formMessages } from './messages.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const sha256 = /^[0-9a-f]{64}$/i;

// form-js's datetime serialisations: date `YYYY-MM-DD`; time `HH:mm` bare, with `Z` or with an offset.
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const time = /^([01]\d|2[0-3]):[0-5]\d(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$/;

/** The first reason a present value does not fit the component's type, or undefined when it fits. */
export function typeProblem(component: FormComponent, value: unknown): string | undefined {
  switch (component.type) {
    case 'textfield':
    case 'textarea':
      return typeof value === 'string' ? undefined : formMessages.notText;
    case 'number':
      return numericValue(component, value) === undefined ? formMessages.notNumber : undefined;
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : formMessages.notBoolean;
    case 'checklist':
    case 'taglist':
      return optionListProblem(component, value);
    case 'radio':
    case 'select':
      return isOption(component, value) ? undefined : formMessages.notOption;
    case 'datetime':
      return dateTimeProblem(component.subtype ?? 'date', value);
    case 'filepicker':
      return attachmentProblem(component, value);
    default:
      return undefined;
  }
}

/** The number a number field holds: a finite number, or a numeric string when the field serialises to string. */
export function numericValue(component: FormComponent, value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && component.serializeToString !== true ? value : undefined;
  if (typeof value !== 'string' || component.serializeToString !== true || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** Whether a string is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = isoDate.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// helpers

function isOption(component: FormComponent, value: unknown): boolean {
  const options = staticOptions(component);
  if (options === undefined) return ['string', 'number', 'boolean'].includes(typeof value);
  return options.some((option) => option.value === value);
}

function optionListProblem(component: FormComponent, value: unknown): string | undefined {
  if (!Array.isArray(value)) return formMessages.notList;
  if (!value.every((entry) => isOption(component, entry))) return formMessages.notOption;
  return new Set(value).size === value.length ? undefined : formMessages.duplicateOption;
}

function dateTimeProblem(subtype: string, value: unknown): string | undefined {
  if (subtype === 'time') return typeof value === 'string' && time.test(value) ? undefined : formMessages.notTime;
  if (subtype === 'datetime') {
    const [date, clock] = typeof value === 'string' ? value.split('T') : [];
    const valid = date !== undefined && clock !== undefined && isIsoDate(date) && time.test(clock);
    return valid ? undefined : formMessages.notDateTime;
  }
  return typeof value === 'string' && isIsoDate(value) ? undefined : formMessages.notDate;
}

/** A file picker holds one attachment reference, or a list of them when `multiple` (an expression allows either). */
function attachmentProblem(component: FormComponent, value: unknown): string | undefined {
  const { multiple } = component;
  if (Array.isArray(value)) return multiple !== false && multiple !== undefined && value.every(isAttachment) ? undefined : formMessages.notAttachment;
  return multiple !== true && isAttachment(value) ? undefined : formMessages.notAttachment;
}

function isAttachment(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { id, fileName, sha256: digest } = value as Record<string, unknown>;
  return (
    typeof id === 'string' && uuid.test(id) &&
    typeof fileName === 'string' && fileName.trim().length > 0 && fileName.length <= 255 &&
    typeof digest === 'string' && sha256.test(digest)
  );
}
