import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Block, DocumentModel } from './document-model.js';

// Word documents name their fonts rather than embed them: 宋体 is on every Chinese office PC.
const FONT = { ascii: 'Times New Roman', eastAsia: '宋体', hAnsi: 'Times New Roman' };
const run = (text: string, size = 22, bold = false) => new TextRun({ text, font: FONT, size, bold });
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** Renders a document as a .docx the applicant can edit, print and seal. */
export function renderDocx(model: DocumentModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, heading: HeadingLevel.TITLE, children: [run(model.title, 36, true)] }),
  ];
  if (model.subtitle) children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run(model.subtitle)] }));
  for (const block of model.blocks) children.push(...toDocx(block));
  const page = model.orientation === 'landscape' ? { size: { orientation: PageOrientation.LANDSCAPE } } : {};
  const document = new Document({ creator: 'hebei-iiot-workflow', title: model.title, sections: [{ properties: { page }, children }] });
  return Packer.toBuffer(document);
}

function toDocx(block: Block): (Paragraph | Table)[] {
  switch (block.type) {
    case 'heading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [run(block.text, 26, true)] })];
    case 'paragraph':
      return [new Paragraph({ spacing: { after: 120 }, children: [run(block.text)] })];
    case 'fields':
      return [table(block.rows.map((row) => [...row]), [30, 70])];
    case 'table':
      return [table([[...block.columns], ...block.rows.map((row) => [...row])], block.columns.map(() => 100 / block.columns.length))];
    case 'seal':
      return block.lines.map((line) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 480 }, children: [run(line)] }));
  }
}

function table(rows: string[][], percents: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((row) => new TableRow({
      children: row.map((cell, i) => new TableCell({
        width: { size: percents[i]!, type: WidthType.PERCENTAGE },
        borders: { top: border, bottom: border, left: border, right: border },
        children: cell.split('\n').map((line) => new Paragraph({ children: [run(line, 20)] })),
      })),
    })),
  });
}
