import { z } from 'zod';
import { taskCriteria } from './tasks.js';

// Each person's named tasklist filters (routes/task-filters.ts).

export const savedFilter = z.object({ id: z.string(), name: z.string(), criteria: taskCriteria });
export const savedFilters = z.array(savedFilter);
export const newFilter = z.object({ name: z.string().trim().min(1, '请填写筛选名称').max(30, '名称不能超过 30 个字'), criteria: taskCriteria });
export const filterParams = z.object({ id: z.uuid('须为筛选编号') });

export type SavedFilter = z.infer<typeof savedFilter>;
