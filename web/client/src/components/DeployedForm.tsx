import { Form as FormJs } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '../form-js/form-text.css';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
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
export const DeployedForm = forwardRef<DeployedFormHandle, Props>(function DeployedForm({ schema, data, fieldNotes, readonlyKeys, onReady, onEdit }, ref) {
  const container = useRef<HTMLDivElement>(null);
  const form = useRef<FormJs>(undefined);
  const [ready, setReady] = useState(false);
  const edited = useRef(onEdit);
  edited.current = onEdit;
  // A string, so a page passing a new array of the same keys does not import the form again.
  const readonlyList = (readonlyKeys ?? []).join(',');
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
    setReady(false);
    viewer.on('field.updated', () => edited.current?.());
    void viewer.importSchema(withReadonly(schema, readonlyList ? readonlyList.split(',') : []), Object.fromEntries(Object.entries(data).filter(([, value]) => !isReference(value) && !isReferenceList(value)))).then(async () => {
      // The fields mount after the import resolves, and some set their initial values in effects: let them settle.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
      if (!live) return;
      stopNotes = keepFieldNotes(container.current!, (fieldNotes ?? []).flatMap(({ key, text }) => [...componentIdsOfKeys(schema, [key])].map((componentId) => ({ componentId, text }))));
      stopStoredFiles = keepStoredFiles(container.current!, storedFilesOf(schema, data));
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
  }, [schema, data, fieldNotes, readonlyList]);
  useImperativeHandle(ref, () => ({
    draft() {
      const state = (form.current as unknown as { _getState?: () => { data: Data } } | undefined)?._getState?.();
      if (!state) return undefined;
      const entered = Object.fromEntries(Object.entries(state.data).filter(([, value]) => value !== null && !(typeof value === 'string' && value.startsWith('files::'))));
      for (const [key, value] of Object.entries(data)) if ((isReference(value) || isReferenceList(value)) && entered[key] === undefined) entered[key] = value;
      return entered;
    },
    async collect() {
      const result = form.current?.submit();
      if (!result) return undefined;
      // form-js answers null for an empty field; the API reads an absent optional field as absent, not as null.
      const entered = Object.fromEntries(Object.entries(result.data as Data).filter(([, value]) => value !== null));
      const uploaded = await uploadFiles(entered, result.files as Map<string, File[]>, pickersAllowingSeveral(schema));
      for (const [key, value] of Object.entries(data)) {
        const picked = uploaded[key];
        if ((isReference(value) || isReferenceList(value)) && (picked === undefined || picked === null || picked === '')) uploaded[key] = value;
      }
      // A required file picker whose file was stored earlier looks empty to form-js; the stored file counts.
      const kept = componentIdsOfKeys(schema, Object.keys(data).filter((key) => isReference(data[key]) || isReferenceList(data[key])));
      return { data: uploaded, invalid: Object.keys(result.errors ?? {}).some((id) => !kept.has(id)) };
    },
  }), [schema, data]);
  // Until the import is done, what a person types or picks could be overwritten by it: no input before then.
  return <div ref={container} aria-busy={!ready} style={{ pointerEvents: ready ? 'auto' : 'none', opacity: ready ? 1 : 0.6 }} />;
});

function isReference(value: unknown): boolean {
  return !!value && typeof value === 'object' && 'sha256' in value && 'id' in value;
}

function isReferenceList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every(isReference);
}

type Component = { id?: string; type?: string; key?: string; multiple?: boolean; components?: Component[] };

function componentIdsOfKeys(schema: object, keys: readonly string[]): Set<string> {
  const ids = new Set<string>();
  const walk = (components: Component[] = []) => {
    for (const component of components) {
      if (component.key && component.id && keys.includes(component.key)) ids.add(component.id);
      walk(component.components);
    }
  };
  walk((schema as { components?: Component[] }).components);
  return ids;
}

/** The schema with `readonly` set on the components of these keys (a copy; the deployed form is not changed). */
function withReadonly(schema: object, keys: readonly string[]): object {
  if (!keys.length) return schema;
  const mark = (components: Component[] = []): Component[] => components.map((component) => ({
    ...component,
    ...(component.key && keys.includes(component.key) ? { readonly: true } : {}),
    ...(component.components ? { components: mark(component.components) } : {}),
  }));
  return { ...schema, components: mark((schema as { components?: Component[] }).components) };
}

/** The file pickers whose field holds files stored earlier, with those files. */
function storedFilesOf(schema: object, data: Data): { componentId: string; files: { id: string; fileName: string }[] }[] {
  const result: { componentId: string; files: { id: string; fileName: string }[] }[] = [];
  const walk = (components: Component[] = []) => {
    for (const component of components) {
      const value = component.key ? data[component.key] : undefined;
      if (component.type === 'filepicker' && component.id && (isReference(value) || isReferenceList(value))) {
        result.push({ componentId: component.id, files: (Array.isArray(value) ? value : [value]) as { id: string; fileName: string }[] });
      }
      walk(component.components);
    }
  };
  walk((schema as { components?: Component[] }).components);
  return result;
}

function pickersAllowingSeveral(schema: object): Set<string> {
  const keys = new Set<string>();
  const walk = (components: { type?: string; key?: string; multiple?: boolean; components?: unknown[] }[] = []) => {
    for (const component of components) {
      if (component.type === 'filepicker' && component.multiple && component.key) keys.add(component.key);
      walk(component.components as typeof components);
    }
  };
  walk((schema as { components?: [] }).components);
  return keys;
}
