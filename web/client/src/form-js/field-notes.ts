// Notes beside single fields of a rendered form-js form: the reviewer's comment on a field, shown where the
// applicant corrects it, the field outlined and tagged 需修改. form-js has no slot for this; the note is placed after
// the field's own elements and put back if a render of the form removes it.

import { keepApplied } from './keep-applied.js';

export interface FieldNote {
  /** The component id the note belongs to. */
  componentId: string;
  text: string;
}

const NOTE_CLASS = 'iiot-field-note';
const TAG_CLASS = 'iiot-field-tag';
/** The class of a field that carries a note: the fields to correct. */
export const NOTED_CLASS = 'iiot-field-noted';

function place(root: HTMLElement, notes: readonly FieldNote[]): void {
  for (const note of notes) {
    // form-js names a field's input (or its first option) "fjs-form-<form id>-<component id>[-n]"
    const input = root.querySelector(`[id$="-${CSS.escape(note.componentId)}"], [id*="-${CSS.escape(note.componentId)}-"]`);
    const field = input?.closest('.fjs-form-field');
    if (!field || field.querySelector(`:scope > .${NOTE_CLASS}`)) continue;
    const element = document.createElement('div');
    element.className = NOTE_CLASS;
    element.setAttribute('role', 'note');
    const tag = document.createElement('span');
    tag.className = TAG_CLASS;
    tag.textContent = '需修改';
    Object.assign(tag.style, { marginRight: '8px', padding: '0 6px', background: '#fff1f0', border: '1px solid #ffa39e', borderRadius: '4px', color: '#a8071a', fontWeight: '600' });
    element.append(tag, `审核意见：${note.text}`);
    Object.assign(element.style, { marginTop: '4px', padding: '4px 8px', background: '#fff7e6', border: '1px solid #ffd591', borderRadius: '4px', color: '#873800' });
    field.append(element);
    // The whole field outlined, so a long form shows at a glance which fields to change.
    field.classList.add(NOTED_CLASS);
    Object.assign((field as HTMLElement).style, { outline: '2px solid #d4380d', outlineOffset: '4px', borderRadius: '4px' });
  }
}

/** Shows each note beside its field under `root` now and after every render; returns a stop. */
export function keepFieldNotes(root: HTMLElement, notes: readonly FieldNote[]): () => void {
  if (!notes.length) return () => undefined;
  return keepApplied(root, () => place(root, notes));
}
