// A document as data: what the PDF and Word renderers both draw. Builders are pure; renderers do the bytes.

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'fields'; rows: readonly (readonly [label: string, value: string])[] }
  | { type: 'table'; columns: readonly string[]; rows: readonly (readonly string[])[] }
  /** Where a seal and signature go: each line is printed with space to sign above it. */
  | { type: 'seal'; lines: readonly string[] };

export interface DocumentModel {
  /** Wide tables (the 推荐表) are printed landscape. */
  orientation?: 'portrait' | 'landscape';
  title: string;
  subtitle?: string;
  blocks: readonly Block[];
}
