// Notes beside single fields of a rendered form-js form: the reviewer's comment on a field, shown where the
// applicant corrects it. form-js has no slot for this; the note is placed after the field's own elements and put
// back if a render of the form removes it.

export interface FieldNote {
  /** The component id the note belongs to. */
  componentId: string;
  text: string;
}

const NOTE_CLASS = 'iiot-field-note';

function place(root: HTMLElement, notes: readonly FieldNote[]): void {
  for (const note of notes) {
    // form-js names a field's input (or its first option) "fjs-form-<form id>-<component id>[-n]"
    const input = root.querySelector(`[id$="-${CSS.escape(note.componentId)}"], [id*="-${CSS.escape(note.componentId)}-"]`);
    const field = input?.closest('.fjs-form-field');
    if (!field || field.querySelector(`:scope > .${NOTE_CLASS}`)) continue;
    const element = document.createElement('div');
    element.className = NOTE_CLASS;
    element.setAttribute('role', 'note');
    element.textContent = `审核意见：${note.text}`;
    Object.assign(element.style, { marginTop: '4px', padding: '4px 8px', background: '#fff7e6', border: '1px solid #ffd591', borderRadius: '4px', color: '#873800' });
    field.append(element);
    field.classList.add('iiot-field-noted');
  }
}

/** Shows each note beside its field under `root` now and after every render; returns a stop. */
export function keepFieldNotes(root: HTMLElement, notes: readonly FieldNote[]): () => void {
  if (!notes.length) return () => undefined;
  place(root, notes);
  const observer = new MutationObserver(() => place(root, notes));
  observer.observe(root, { subtree: true, childList: true });
  return () => observer.disconnect();
}
