import { Button, ConfigProvider, Form, Select } from 'antd';
import { templates } from '../../../../../domain/directions.js';
import { projectStatuses, type ProjectStatus } from '../../../../../domain/project-status.js';
import { reportingUnits } from '../../../../../domain/units.js';
import type { LibraryCriteria } from './library-criteria.js';

// antd's placeholder grey is too light for WCAG AA; "全部" is read as a value here, so it gets body-text contrast.
const readablePlaceholders = { token: { colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)' } };
const statusOptions = Object.entries(projectStatuses).map(([value, label]) => ({ value, label }));

/**
 * The library lists' filters: call, unit (the province's list only), direction, category and statuses, each
 * applied as soon as it is chosen. A new call clears the direction, which the next call may not have.
 */
export function LibraryFilters({ criteria, calls, directions, withUnit, onChange }: {
  criteria: LibraryCriteria;
  calls: readonly { id: string; title: string }[];
  directions: readonly { code: string; label: string }[];
  withUnit: boolean;
  onChange(criteria: LibraryCriteria): void;
}) {
  const set = (next: Partial<LibraryCriteria>) => {
    const merged: LibraryCriteria = { ...criteria, ...next };
    for (const key of Object.keys(merged) as (keyof LibraryCriteria)[]) {
      const value = merged[key];
      if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) delete merged[key];
    }
    onChange(merged);
  };
  const directionOptions = [...directions.map((d) => ({ value: d.code, label: d.label })),
    ...(criteria.direction && !directions.some((d) => d.code === criteria.direction) ? [{ value: criteria.direction, label: criteria.direction }] : [])];
  return (
    <ConfigProvider theme={readablePlaceholders}>
      <Form layout="inline" style={{ rowGap: 12 }}>
        <Form.Item label="申报批次" htmlFor="library-call">
          <Select id="library-call" allowClear showSearch optionFilterProp="label" placeholder="全部" style={{ width: 240 }} popupMatchSelectWidth={false} value={criteria.callId}
            options={calls.map((call) => ({ value: call.id, label: call.title }))} onChange={(value: string | undefined) => set({ callId: value, direction: undefined })} />
        </Form.Item>
        {withUnit && (
          <Form.Item label="推荐单位" htmlFor="library-unit">
            <Select id="library-unit" allowClear showSearch optionFilterProp="label" placeholder="全部" style={{ width: 130 }} value={criteria.unitId}
              options={reportingUnits.map((unit) => ({ value: unit.id, label: unit.name }))} onChange={(value: string | undefined) => set({ unitId: value })} />
          </Form.Item>
        )}
        <Form.Item label="申报方向" htmlFor="library-direction">
          <Select id="library-direction" allowClear placeholder="全部" style={{ width: 220 }} popupMatchSelectWidth={false} value={criteria.direction}
            showSearch optionFilterProp="label" options={directionOptions} onChange={(value: string | undefined) => set({ direction: value })} />
        </Form.Item>
        <Form.Item label="类别" htmlFor="library-template">
          <Select id="library-template" allowClear showSearch optionFilterProp="label" placeholder="全部" style={{ width: 240 }} popupMatchSelectWidth={false} value={criteria.template}
            options={templates.map((t) => ({ value: t.code, label: t.label }))} onChange={(value: string | undefined) => set({ template: value })} />
        </Form.Item>
        <Form.Item label="项目状态" htmlFor="library-status">
          <Select id="library-status" mode="multiple" allowClear placeholder="全部" style={{ minWidth: 200, maxWidth: 420 }} popupMatchSelectWidth={false}
            value={criteria.status ?? []} optionFilterProp="label" options={statusOptions} onChange={(value: ProjectStatus[]) => set({ status: value })} />
        </Form.Item>
        <Form.Item>
          <Button onClick={() => onChange({})}>清空条件</Button>
        </Form.Item>
      </Form>
    </ConfigProvider>
  );
}
