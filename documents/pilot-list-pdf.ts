import { cjkPdfDocument } from './cjk-pdf-document.js';
import { drawRuledTable, LIST_MARGIN, numberPages } from './ruled-table-pdf.js';

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
    size: 'A4', layout: 'landscape', margin: LIST_MARGIN, bufferPages: true,
    info: { Title: input.title, Producer: 'hebei-iiot-workflow', Creator: 'hebei-iiot-workflow', CreationDate: input.generatedAt },
  });
  doc.fontSize(16).text(input.title, { align: 'center' }).moveDown(0.4);
  doc.fontSize(10);
  for (const { label, value } of pilotListParticulars(input)) doc.text(`${label}：${value}`, { align: 'center' });
  doc.text(`生成时间（北京时间）：${input.generatedAtText}　　共 ${input.entries.length} 个项目`, { align: 'center' }).moveDown(0.6);
  drawRuledTable(doc, { header: [...PILOT_LIST_COLUMNS], rows: input.entries.map((entry, index) => pilotListCells(entry, index)), widths: WIDTHS, emptyText: '名单中没有项目' });
  numberPages(doc);
  doc.end();
  return done;
}
