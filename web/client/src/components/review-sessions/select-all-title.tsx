// The select-all checkbox of the review pages' selectable tables, kept out of antd's measure row: with a scroll set,
// antd copies every column title into an aria-hidden row to measure the widths, and a focusable checkbox inside an
// aria-hidden row is a serious accessibility violation (axe: aria-hidden-focus). antd's own tooltips use the same
// context to stay out of that row.
import TableMeasureRowContext from 'antd/es/table/TableMeasureRowContext';
import { useContext, type ReactNode } from 'react';

/** For rowSelection.columnTitle: the select-all checkbox in the header, nothing in the hidden measure row. */
export function selectAllTitle(checkbox: ReactNode): ReactNode {
  return <SelectAllTitle checkbox={checkbox} />;
}

function SelectAllTitle({ checkbox }: { checkbox: ReactNode }) {
  return useContext(TableMeasureRowContext) ? null : checkbox;
}
