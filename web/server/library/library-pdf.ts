import { libraryListPdf } from '../../../documents/library-list-pdf.js';
import { beijingTime } from '../dashboard/dashboard-exports.js';
import type { LibraryRowView } from '../schemas/library.js';

/** The library list's rows as the PDF 省级重点项目库名单, made at `generatedAt` (printed in Beijing time). */
export function libraryPdf(rows: readonly LibraryRowView[], applied: readonly { label: string; value: string }[], generatedAt: Date): Promise<Buffer> {
  return libraryListPdf({
    entries: rows.map((row) => ({
      projectNumber: row.projectNumber, projectName: row.projectName, enterpriseName: row.enterpriseName, uscc: row.uscc, unitName: row.unit.name,
      direction: row.direction.label, category: row.category.label, status: row.statusLabel, admittedOn: row.admittedAt ? beijingTime(row.admittedAt).slice(0, 10) : '',
    })),
    applied,
    generatedAt,
    generatedAtText: beijingTime(generatedAt),
  });
}
