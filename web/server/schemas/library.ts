import { z } from 'zod';
import { directionCode, templateCode } from '../../../domain/directions.js';
import { projectStatusCodes } from '../../../domain/project-status.js';
import { isUnitId } from '../../../domain/units.js';
import { timestamp } from './common.js';

// The provincial library's lists (routes/library.ts): the province's whole library and a unit's own projects, their
// filters (also the Excel and PDF exports'), and the rows.

export const projectStatus = z.enum(projectStatusCodes, { error: '没有这个项目状态' });

/** The province's filters; a status may be given several times or comma-separated. */
export const libraryFilters = z.object({
  callId: z.string().trim().min(1, '申报批次编号不能为空').max(40, '申报批次编号过长').optional(),
  unitId: z.string().refine(isUnitId, '没有这个推荐单位').optional(),
  direction: directionCode.optional(),
  /** The category (类别): the application's material template. */
  template: templateCode.optional(),
  status: z.union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((code) => code.trim()).filter(Boolean))
    .pipe(z.array(projectStatus).max(projectStatusCodes.length, '项目状态选择过多'))
    .optional(),
});

/** A unit's filters: the province's, with the unit fixed to the reviewer's own. */
export const unitProjectFilters = libraryFilters.omit({ unitId: true });

const codeAndLabel = z.object({ code: z.string(), label: z.string() });

/** A project as a row of the library's lists. */
export const libraryRow = z.object({
  projectId: z.string(),
  /** The application number: the project's business key. */
  projectNumber: z.string(),
  projectName: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  call: z.object({ id: z.string(), title: z.string() }),
  unit: z.object({ id: z.string(), name: z.string() }),
  direction: codeAndLabel,
  /** The category (类别): the application's template. */
  category: codeAndLabel,
  status: projectStatus,
  statusLabel: z.string(),
  /** When the unit's batch reached the province. */
  createdAt: timestamp,
  admittedAt: timestamp.nullable(),
});

/** A library list in project-number order, with the directions its direction filter offers. */
export const libraryList = z.object({
  total: z.number(),
  rows: z.array(libraryRow),
  directions: z.array(codeAndLabel),
});

export type LibraryFilters = z.infer<typeof libraryFilters>;
export type LibraryRowView = z.infer<typeof libraryRow>;
export type LibraryList = z.infer<typeof libraryList>;
