// Files stored earlier, shown in the file pickers of a rendered form-js form. form-js's picker knows only files
// picked in this page and says 未选择文件 (No files selected) for a file uploaded before: where a field has stored
// files, that text says so, and each file is listed with its download link, until the person picks another file.

import { keepApplied } from './keep-applied.js';

export interface StoredFiles {
  /** The component id of the file picker. */
  componentId: string;
  files: readonly { id: string; fileName: string }[];
}

const LIST_CLASS = 'iiot-stored-files';
const NOTHING_PICKED = ['No files selected', '未选择文件'];

function place(root: HTMLElement, stored: readonly StoredFiles[]): void {
  for (const { componentId, files } of stored) {
    // the picker's hidden input is "fjs-form-<form id>-<component id>"
    const field = root.querySelector(`input[type=file][id$="-${CSS.escape(componentId)}"]`)?.closest('.fjs-form-field');
    if (!field) continue;
    const label = field.querySelector<HTMLElement>('.fjs-filepicker-container .fjs-form-field-label');
    const nothingPicked = !!label && NOTHING_PICKED.includes((label.textContent ?? '').trim());
    // The text node itself is changed, not replaced: form-js keeps writing to it when a file is picked.
    if (label && nothingPicked) {
      for (const node of label.childNodes) if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) node.textContent = `已上传 ${files.length} 个文件`;
    }
    const list = field.querySelector(`:scope > .${LIST_CLASS}`);
    // Once a new file is picked, it replaces the stored ones: the list says so instead of offering them as current.
    const replaced = !!label && !nothingPicked && !/^已上传 \d+ 个文件$/.test((label.textContent ?? '').trim());
    const heading = replaced ? '提交后将替换已上传的：' : '已上传：';
    if (list?.getAttribute('data-heading') === heading) continue;
    list?.remove();
    field.append(fileList(heading, files));
  }
}

function fileList(heading: string, files: StoredFiles['files']): HTMLElement {
  const element = document.createElement('div');
  element.className = LIST_CLASS;
  element.setAttribute('data-heading', heading);
  Object.assign(element.style, { marginTop: '4px' });
  element.append(heading);
  files.forEach((file, index) => {
    const link = document.createElement('a');
    link.href = `/api/attachments/${encodeURIComponent(file.id)}`;
    link.textContent = file.fileName;
    element.append(...(index ? ['、', link] : [link]));
  });
  return element;
}

/** Shows the stored files of each picker under `root` now and after every render; returns a stop. */
export function keepStoredFiles(root: HTMLElement, stored: readonly StoredFiles[]): () => void {
  if (!stored.length) return () => undefined;
  return keepApplied(root, () => place(root, stored), { subtree: true, childList: true, characterData: true });
}
