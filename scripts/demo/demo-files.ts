import { renderPdf } from '../../documents/render-pdf.js';

// Real, small PDFs for the demo's attachments, drawn with the same renderer (and CJK font) as the system's own
// documents, so a preview shows a readable page and the server's content check sees a true PDF.

/** A one-page PDF titled `title` that says it is demo material of `owner`. */
export function demoPdf(title: string, owner: string, lines: readonly string[] = []): Promise<Buffer> {
  return renderPdf({
    title,
    subtitle: '（演示材料）',
    blocks: [
      { type: 'fields', rows: [['单位', owner], ['用途', '平台演示数据，非真实材料']] },
      ...lines.map((text) => ({ type: 'paragraph' as const, text })),
    ],
  });
}
