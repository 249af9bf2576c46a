import { cjkPdfDocument } from './cjk-pdf-document.js';

// 试点项目名单 (the pilot list, final or as the 公示稿) as a PDF: the call, the review session, the collective decision
// and the 公示期 it rests on, when it was made, and a ruled table in ranking order whose header row repeats on every
// page, landscape A4, the CJK font embedded (subset). Modelled on library-list-pdf.ts; the same list made at the same
// time gives the same bytes (the creation date is the given time, not the machine's).

/** One pilot as a row of the list; every field already as printed. */
export interface PilotListEntry {
  /** 排名 in the session's ranking. */
  rank: number;
  projectNumber: string;
  projectName: string;
  enterpriseName: string;
  uscc: string;
  unitName: string;
  direction: string;
  category: string;
  /** The aggregated score as printed, e.g. `86.33`. */
  score: string;
}

/** What the list says about itself, and its entries in ranking order. */
export interface PilotListInput {
  /** e.g. `2021年河北省工业互联网重点项目试点项目名单`, with `（公示稿）` for the notice version. */
  title: string;
  callTitle: string;
  /** 评审会名称. */
  sessionName: string;
  /** 集体决策: the meeting, its Beijing date and the minutes' reference (纪要文号). */
  decision: { meeting: string; date: string; minutesRef: string };
  /** 公示期 as Beijing dates; null before the list is published. */
  publicNotice: { from: string; to: string } | null;
  entries: readonly PilotListEntry[];
  generatedAt: Date;
  /** `generatedAt` as printed (Beijing time). */
  generatedAtText: string;
}

/** The columns of the list, shared by the PDF and the workbook so both print the same table. */
export const PILOT_LIST_COLUMNS = ['序号', '排名', '项目编号', '项目名称', '申报企业', '统一社会信用代码', '推荐单位', '申报方向', '类别', '评审得分'] as const;

const MARGIN = 36;
const FONT_SIZE = 8.5;
const PAD = 3;
const WIDTHS = [26, 26, 90, 150, 120, 100, 52, 84, 70, 50] as const;

/** The particulars the list rests on (call, session, decision, 公示期 when given), as label and value. */
export function pilotListParticulars(input: PilotListInput): { label: string; value: string }[] {
  const { meeting, date, minutesRef } = input.decision;
  return [
    { label: '年度申报批次', value: input.callTitle },
    { label: '评审会', value: input.sessionName },
    { label: '集体决策', value: `${meeting}（${date}），纪要文号：${minutesRef}` },
    ...(input.publicNotice ? [{ label: '公示期', value: `${input.publicNotice.from} 至 ${input.publicNotice.to}` }] : []),
  ];
}

/** One entry as the cells of a row, in the order of PILOT_LIST_COLUMNS; `index` counts from 0. */
export function pilotListCells(entry: PilotListEntry, index: number): string[] {
  return [String(index + 1), String(entry.rank), entry.projectNumber, entry.projectName, entry.enterpriseName, entry.uscc, entry.unitName, entry.direction, entry.category, entry.score];
}

/** The list as a PDF. */
export function pilotListPdf(input: PilotListInput): Promise<Buffer> {
  const { doc, done } = cjkPdfDocument({
    size: 'A4', layout: 'landscape', margin: MARGIN, bufferPages: true,
    info: { Title: input.title, Producer: 'hebei-iiot-workflow', Creator: 'hebei-iiot-workflow', CreationDate: input.generatedAt },
  });
  doc.fontSize(16).text(input.title, { align: 'center' }).moveDown(0.4);
  doc.fontSize(10);
  for (const { label, value } of pilotListParticulars(input)) doc.text(`${label}：${value}`, { align: 'center' });
  doc.text(`生成时间（北京时间）：${input.generatedAtText}　　共 ${input.entries.length} 个项目`, { align: 'center' }).moveDown(0.6);
  drawTable(doc, input.entries);
  numberPages(doc);
  doc.end();
  return done;
}

// helpers

function drawTable(doc: PDFKit.PDFDocument, entries: readonly PilotListEntry[]): void {
  const header = [...PILOT_LIST_COLUMNS];
  drawRow(doc, header);
  if (!entries.length) {
    drawRow(doc, ['名单中没有项目'], [WIDTHS.reduce((sum, width) => sum + width, 0)]);
    return;
  }
  entries.forEach((entry, index) => {
    const cells = pilotListCells(entry, index);
    if (doc.y + rowHeight(doc, cells) > doc.page.height - MARGIN - 14) {
      doc.addPage();
      drawRow(doc, header);
    }
    drawRow(doc, cells);
  });
}

function drawRow(doc: PDFKit.PDFDocument, cells: readonly string[], widths: readonly number[] = WIDTHS): void {
  doc.fontSize(FONT_SIZE);
  const height = rowHeight(doc, cells, widths);
  const top = doc.y;
  let x = MARGIN;
  cells.forEach((cell, i) => {
    doc.rect(x, top, widths[i]!, height).stroke();
    doc.text(cell, x + PAD, top + PAD, { width: widths[i]! - 2 * PAD });
    x += widths[i]!;
  });
  doc.x = MARGIN;
  doc.y = top + height;
}

function rowHeight(doc: PDFKit.PDFDocument, cells: readonly string[], widths: readonly number[] = WIDTHS): number {
  doc.fontSize(FONT_SIZE);
  return Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i]! - 2 * PAD }))) + 2 * PAD;
}

/** 第 n 页，共 m 页 at the foot of every page, inside the bottom margin. */
function numberPages(doc: PDFKit.PDFDocument): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin would otherwise start a new page
    doc.fontSize(9).text(`第 ${i - start + 1} 页，共 ${count} 页`, MARGIN, doc.page.height - MARGIN + 10, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
