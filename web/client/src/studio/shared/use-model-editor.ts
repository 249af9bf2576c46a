import { useEffect, useState } from 'react';
import type { ModelDocument } from './use-model-document.js';

/** How one studio editor (bpmn-js, dmn-js, form-js) starts and opens a stored version: the editors differ only here. */
export interface ModelEditor<Editor, Result> {
  /** Creates the editor once the page is mounted; `stop` runs with its destruction when the page unmounts. */
  create(): { editor: Editor; stop?: () => void };
  /** The start of the message when the content does not open, e.g. `表单无法打开`. */
  failure: string;
  /** Puts the content into the editor. */
  importContent(editor: Editor, content: string): Promise<Result>;
  /** What follows a finished import (mark the editor clean, lint), unless a newer load or unmounting overtook it. */
  imported(editor: Editor, result: Result): unknown;
}

/**
 * A studio editor on the document: created on mount and destroyed on unmount, importing the document's version on
 * each new load (a save does not import again). Answers the editor (once created), whether an import is under way
 * and why the last one failed; a failure in `imported` counts as one of the import.
 */
export function useModelEditor<Editor extends { destroy(): void }, Result>(model: ModelDocument, how: ModelEditor<Editor, Result>) {
  const [editor, setEditor] = useState<Editor>();
  const [importing, setImporting] = useState(true);
  const [importError, setImportError] = useState<string>();

  useEffect(() => {
    const { editor: created, stop } = how.create();
    setEditor(created);
    return () => {
      stop?.();
      created.destroy();
    };
    // One editor for the page's life: `create` is the first render's.
  }, []);

  useEffect(() => {
    const version = model.version;
    if (!editor || !version) return;
    let live = true;
    setImporting(true);
    setImportError(undefined);
    void (async () => {
      try {
        const result = await how.importContent(editor, version.content);
        if (!live) return;
        await how.imported(editor, result);
      } catch (caught) {
        if (live) setImportError(`${how.failure}：${caught instanceof Error ? caught.message : String(caught)}`);
      } finally {
        if (live) setImporting(false);
      }
    })();
    return () => {
      live = false;
    };
    // A new load (not a save) brings new content to import; `how` is that render's.
  }, [editor, model.loads]);

  return { editor, importing, importError };
}
