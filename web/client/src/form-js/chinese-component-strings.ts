// form-js writes a few words of its components in English with no way to configure them ("Select", "Browse",
// "No files selected", "Add new"…). This puts Chinese in their place inside one rendered form and keeps it there
// when form-js renders again. Only these exact texts inside form-js's own elements are touched, never user content.

import { keepApplied } from './keep-applied.js';

const phrases: [selector: string, english: RegExp, chinese: (match: RegExpExecArray) => string][] = [
  ['.fjs-select-display', /^Select$/, () => '请选择'],
  ['.fjs-filepicker-button', /^Browse$/, () => '选择文件'],
  ['.fjs-filepicker-container .fjs-form-field-label', /^No files selected$/, () => '未选择文件'],
  ['.fjs-filepicker-container .fjs-form-field-label', /^(\d+) files selected$/, (m) => `已选择 ${m[1]} 个文件`],
  ['.fjs-repeat-render-add', /^Add new$/, () => '添加一项'],
  ['.fjs-repeat-render-collapse', /^Collapse$/, () => '收起'],
  ['.fjs-repeat-render-collapse', /^Expand all \((\d+)\)$/, (m) => `展开全部（${m[1]}）`],
  ['.fjs-taglist-input', /^Search$/, () => '搜索'],
];

const attributes: [selector: string, attribute: string, english: string, chinese: string][] = [
  ['.fjs-repeat-row-remove', 'aria-label', 'Remove list item', '删除此项'],
  ['.fjs-select-cross', 'aria-label', 'Clear', '清除'],
];

function translate(root: HTMLElement): void {
  for (const [selector, english, chinese] of phrases) {
    for (const element of root.querySelectorAll<HTMLElement>(selector)) {
      for (const node of element.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE) continue;
        const match = english.exec((node.textContent ?? '').trim());
        if (match) node.textContent = chinese(match);
      }
    }
  }
  for (const [selector, attribute, english, chinese] of attributes) {
    for (const element of root.querySelectorAll(selector)) if (element.getAttribute(attribute) === english) element.setAttribute(attribute, chinese);
  }
}

/** Translates the English words of form-js's components under `root` now and after every render; returns a stop. */
export function keepComponentStringsChinese(root: HTMLElement): () => void {
  return keepApplied(root, () => translate(root), { subtree: true, childList: true, characterData: true });
}
