import ExcelJS from 'exceljs';
import { recommendationRow } from '../../../documents/recommendation-rows.js';
import { recommendationTableColumns } from '../../../documents/recommendation-table.js';
import type { Direction } from '../../../domain/directions.js';
import type { UnitFigures } from './unit-figures.js';

type Entry = Parameters<typeof recommendationRow>[0];
/** The call whose direction labels the rows show. */
type CallDirections = { directions: readonly Direction[] };

function rowsSheet(workbook: ExcelJS.Workbook, name: string, entries: readonly (Entry & { unitName?: string; applicationNumber: string })[], withUnit: boolean, call: CallDirections) {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([...(withUnit ? ['推荐单位'] : []), '申报编号', ...recommendationTableColumns]).font = { bold: true };
  for (const entry of entries) {
    const row = recommendationRow(entry, call);
    sheet.addRow([...(withUnit ? [entry.unitName ?? ''] : []), entry.applicationNumber, row.rank, row.template, row.enterpriseName, row.uscc, row.projectName, row.direction, row.totalInvestment, row.period, row.contact, row.opinion]);
  }
  sheet.columns.forEach((column) => (column.width = 18));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** A unit's recommendations as an Excel workbook, one row per project, in rank order. */
export async function unitBatchWorkbook(unitName: string, entries: readonly (Entry & { applicationNumber: string })[], call: CallDirections): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  rowsSheet(workbook, `${unitName}推荐项目`, entries, false, call);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}


/** The province's overview of all units: per-unit figures on one sheet, every recommended project on another. */
export async function overviewWorkbook(units: readonly UnitFigures[], entries: readonly (Entry & { unitName: string; applicationNumber: string })[], floor: number, call: CallDirections): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('各市推荐情况');
  sheet.addRow(['推荐单位', '培育指标', '指标性质', '申报数', '待初审', '市级库', '已推荐', '其中综合平台', '报送时间', '是否按时报送']).font = { bold: true };
  for (const u of units) {
    sheet.addRow([u.unitName, u.target ?? '', u.target === null ? '' : u.isCap ? '上限' : '目标', u.submitted, u.pendingReview, u.inLibrary, u.recommended, u.cityPlatformsRecommended,
      u.batchSubmittedAt ?? '', u.onTime === null ? '未报送' : u.onTime ? '按时' : '逾期（重新开放后）']);
  }
  sheet.addRow(['合计', '', '', '', '', '', units.reduce((sum, u) => sum + u.recommended, 0), '', '', `全省培育不少于 ${floor} 项`]).font = { bold: true };
  sheet.columns.forEach((column) => (column.width = 14));
  rowsSheet(workbook, '推荐项目清单', entries, true, call);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
