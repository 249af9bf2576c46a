import { Form as FormJs } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '../form-js/form-text.css';
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { allComponents, mapComponents, parseFormSchema, type FormSchema } from '../../../../modeling/form-schema.js';
import { keepComponentStringsChinese } from '../form-js/chinese-component-strings.js';
import { chineseValidationMessages } from '../form-js/chinese-validation-messages.js';
import { keepFieldNotes } from '../form-js/field-notes.js';
import { inertTextValues } from '../form-js/inert-text-values.js';
import { keepStoredFiles } from '../form-js/stored-files.js';
import { uploadFiles } from '../uploads.js';

type Data = Record<string, unknown>;

interface Props {
  schema: object;
  data: Data;
  /** Data the form reads but does not fill (a select's `valuesKey` options): given to form-js, never sent back. */
  context?: Data;
  /** Comments shown beside single fields, by field key (a reviewer's comments on a correction). */
  fieldNotes?: readonly { key: string; text: string }[];
  /** Keys of fields shown but not editable (the enterprise's own USCC): their value is still submitted. */
  readonlyKeys?: readonly string[];
  onReady?: () => void;
  /** Called after each change a person makes (not on import). */
  onEdit?: () => void;
}

/** What a page can ask of a rendered form. */
export interface DeployedFormHandle {
  /** The data with picked files uploaded (references in their place), and whether form-js marked fields to fix. */
  collect(): Promise<{ data: Data; invalid: boolean } | undefined>;
  /** What is entered now, without checks or uploads: files picked but not yet uploaded are left out. */
  draft(): Data | undefined;
}

/**
 * Renders a deployed form-js schema with its data. Stored attachment references cannot be held by form-js's file
 * picker: they are kept aside, listed in their picker with a link, and sent again unless the person picks a new file.
 */
export const DeployedForm = forwardRef<DeployedFormHandle, Props>(function DeployedForm({ schema, data, context, fieldNotes, readonlyKeys, onReady, onEdit }, ref) {
  const container = useRef<HTMLDivElement>(null);
  const form = useRef<FormJs>(undefined);
  // What form-js holds now, from its public `changed` event (fired on import and after every change).
  const entered = useRef<Data>(undefined);
  const parsed = useMemo(() => parseFormSchema(schema), [schema]);
  const [ready, setReady] = useState(false);
  const edited = useRef(onEdit);
  edited.current = onEdit;
  // A string, so a page passing a new array of the same keys does not import the form again.
  const readonlyList = (readonlyKeys ?? []).join(',');
  const isContext = useMemo(() => (key: string) => context !== undefined && Object.hasOwn(context, key), [context]);
  useEffect(() => {
    if (!container.current) return;
    // No debounce: form-js otherwise applies typing 300 ms late, and a quick click on our own submit button (outside
    // the form) could read the form before the last keystrokes.
    const viewer = new FormJs({ container: container.current, additionalModules: [chineseValidationMessages, inertTextValues], debounce: false } as ConstructorParameters<typeof FormJs>[0]);
    const stopTranslating = keepComponentStringsChinese(container.current);
    let stopNotes = () => undefined as void;
    let stopStoredFiles = () => undefined as void;
    let live = true;
    form.current = viewer;
    entered.current = undefined;
    setReady(false);
    viewer.on('field.updated', () => edited.current?.());
    viewer.on('changed', (state: { data: Data | null }) => {
      if (form.current === viewer) entered.current = state.data ?? undefined;
    });
    const imported = { ...Object.fromEntries(Object.entries(data).filter(([, value]) => !isReference(value) && !isReferenceList(value))), ...context };
    void viewer.importSchema(withReadonly(parsed, readonlyList ? readonlyList.split(',') : []), imported).then(async () => {
      // The fields mount after the import resolves, and some set their initial values in effects: let them settle.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
      if (!live) return;
      stopNotes = keepFieldNotes(container.current!, (fieldNotes ?? []).flatMap(({ key, text }) => [...componentIdsOfKeys(parsed, [key])].map((componentId) => ({ componentId, text }))));
      stopStoredFiles = keepStoredFiles(container.current!, storedFilesOf(parsed, data));
      setReady(true);
      onReady?.();
    });
    return () => {
      live = false;
      stopTranslating();
      stopNotes();
      stopStoredFiles();
      viewer.destroy();
    };
    // onReady is a notification, not an input: a new callback must not import the form again.
  }, [parsed, data, context, fieldNotes, readonlyList]);
  useImperativeHandle(ref, () => ({
    draft() {
      if (!entered.current) return undefined;
      const draft = Object.fromEntries(Object.entries(entered.current).filter(([key, value]) => value !== null && !(typeof value === 'string' && value.startsWith('files::')) && !isContext(key)));
      for (const [key, value] of Object.entries(data)) if ((isReference(value) || isReferenceList(value)) && draft[key] === undefined) draft[key] = value;
      return draft;
    },
    async collect() {
      const result = form.current?.submit();
      if (!result) return undefined;
      // form-js answers null for an empty field; the API reads an absent optional field as absent, not as null.
      const entered = Object.fromEntries(Object.entries(result.data as Data).filter(([key, value]) => value !== null && !isContext(key)));
      const uploaded = await uploadFiles(entered, result.files as Map<string, File[]>, pickersAllowingSeveral(parsed));
      for (const [key, value] of Object.entries(data)) {
        const picked = uploaded[key];
        if ((isReference(value) || isReferenceList(value)) && (picked === undefined || picked === null || picked === '')) uploaded[key] = value;
      }
      // A required file picker whose file was stored earlier looks empty to form-js; the stored file counts.
      const kept = componentIdsOfKeys(parsed, Object.keys(data).filter((key) => isReference(data[key]) || isReferenceList(data[key])));
      return { data: uploaded, invalid: Object.keys(result.errors ?? {}).some((id) => !kept.has(id)) };
    },
  }), [parsed, data, isContext]);
  // Until the import is done, what a person types or picks could be overwritten by it: no input before then.
  return <div ref={container} aria-busy={!ready} style={{ pointerEvents: ready ? 'auto' : 'none', opacity: ready ? 1 : 0.6 }} />;
});

function isReference(value: unknown): boolean {
  return !!value && typeof value === 'object' && 'sha256' in value && 'id' in value;
}

function isReferenceList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every(isReference);
}

function componentIdsOfKeys(form: FormSchema, keys: readonly string[]): Set<string> {
  return new Set(allComponents(form.components).flatMap((c) => (c.key && c.id && keys.includes(c.key) ? [c.id] : [])));
}

/** The schema with `readonly` set on the components of these keys (a copy; the deployed form is not changed). */
function withReadonly(form: FormSchema, keys: readonly string[]): FormSchema {
  if (!keys.length) return form;
  return { ...form, components: mapComponents(form.components, (c) => (c.key && keys.includes(c.key) ? { ...c, readonly: true } : c)) };
}

/** The file pickers whose field holds files stored earlier, with those files. */
function storedFilesOf(form: FormSchema, data: Data): { componentId: string; files: { id: string; fileName: string }[] }[] {
  return allComponents(form.components).flatMap((c) => {
    const value = c.key ? data[c.key] : undefined;
    if (c.type !== 'filepicker' || !c.id || !(isReference(value) || isReferenceList(value))) return [];
    return [{ componentId: c.id, files: (Array.isArray(value) ? value : [value]) as { id: string; fileName: string }[] }];
  });
}

function pickersAllowingSeveral(form: FormSchema): Set<string> {
  return new Set(allComponents(form.components).flatMap((c) => (c.type === 'filepicker' && c.multiple && c.key ? [c.key] : [])));
}
