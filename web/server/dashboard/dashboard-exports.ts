import ExcelJS from 'exceljs';
import type { DueTask, DueTasks, Funnel, IncidentView } from '../schemas/dashboard.js';

// The dashboards' tables as Excel, in the house style of batches/excel-exports.ts: a bold, frozen header row, one
// row per table row, the same columns the page shows. Times are written as Beijing time, as the page shows them.

const DAY = 86_400_000;
const beijing = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** A time as Beijing time, `2021-12-20 17:00`. */
export function beijingTime(date: Date): string {
  return beijing.format(date);
}

/** The applications of a call per status, with each status's share. */
export async function funnelWorkbook(callTitle: string, funnel: Funnel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = table(workbook, '申报状态分布', ['状态', '申报数', '占比（%）']);
  for (const step of funnel.steps) sheet.addRow([step.label, step.count, share(step.count, funnel.total)]);
  sheet.addRow(['合计', funnel.total, funnel.total ? 100 : 0]).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow([`申报批次：${callTitle}`]);
  return write(workbook);
}

/** Overdue tasks and tasks near their due date, one sheet each. */
export async function dueTasksWorkbook(due: DueTasks): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const columns = ['任务', '申报编号', '项目名称', '推荐单位', '申报批次', '办理人', '创建时间', '到期时间'];
  const overdue = table(workbook, '已逾期任务', [...columns, '已逾期（天）']);
  for (const task of due.overdue.tasks) overdue.addRow([...taskRow(task), Math.round(((due.now.getTime() - task.due.getTime()) / DAY) * 10) / 10]);
  const nearDue = table(workbook, '即将到期任务', [...columns, '剩余（天）']);
  for (const task of due.nearDue.tasks) nearDue.addRow([...taskRow(task), Math.round(((task.due.getTime() - due.now.getTime()) / DAY) * 10) / 10]);
  return write(workbook);
}

/** Open incidents with their failed step and error. */
export async function incidentsWorkbook(incidents: readonly IncidentView[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = table(workbook, '流程异常', ['发生时间', '流程', '环节', '申报编号', '项目名称', '推荐单位', '申报批次', '错误信息', '错误详情', '异常编号']);
  for (const i of incidents) {
    sheet.addRow([beijingTime(i.at), i.processName ?? '', i.activityName ?? i.activityId ?? '', i.applicationNumber ?? '', i.projectName ?? '', i.unitName ?? '', i.callTitle ?? '', i.message ?? '', i.details ?? '', i.incidentId]);
  }
  return write(workbook);
}

// helpers

function table(workbook: ExcelJS.Workbook, name: string, header: string[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow(header).font = { bold: true };
  sheet.columns.forEach((column) => (column.width = 18));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return sheet;
}

function taskRow(task: DueTask): (string | number)[] {
  return [task.name ?? '', task.applicationNumber ?? '', task.projectName ?? '', task.unitName ?? '', task.callTitle ?? '', task.assignee ?? '', beijingTime(task.created), beijingTime(task.due)];
}

function share(count: number, total: number): number {
  return total ? Math.round((count / total) * 1000) / 10 : 0;
}

async function write(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
