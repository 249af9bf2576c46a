import { Button, ConfigProvider, DatePicker, Form, Input, Popconfirm, Popover, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { reportingUnits } from '../../../../domain/units.js';
import { templateLabels } from '../labels.js';
import type { SavedFilter } from '../../../server/schemas/task-filters.js';
import { dueLabels, type TaskCriteria } from '../tasks.js';

export type { SavedFilter };

interface Props {
  criteria: TaskCriteria;
  onChange(criteria: TaskCriteria): void;
  stages: readonly { key: string; label: string }[];
  /** City reviewers see one unit only: no unit filter for them. */
  showUnit: boolean;
  saved: readonly SavedFilter[];
  onSave(name: string): Promise<void>;
  onDelete(id: string): Promise<void>;
}

// antd's placeholder grey is too light for WCAG AA; "全部" is read as a value here, so it gets body-text contrast.
const readablePlaceholders = { token: { colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)' } };
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The tasklist's filters (stage, unit, category, due date, assignee) and the account's saved filters. */
export function TaskFilters({ criteria, onChange, stages, showUnit, saved, onSave, onDelete }: Props) {
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const [open, setOpen] = useState(false);
  const set = (key: keyof TaskCriteria) => (value: string | undefined | null) => onChange({ ...criteria, [key]: value || undefined });
  const current = saved.find((filter) => sameCriteria(filter.criteria, criteria));
  // The list of choices is as wide as its longest label, whatever the width of the closed select.
  const select = (key: keyof TaskCriteria, label: string, choices: { value: string; label: string }[], width = 150) => (
    <Form.Item label={label} htmlFor={`filter-${key}`}>
      <Select id={`filter-${key}`} allowClear placeholder="全部" style={{ width }} popupMatchSelectWidth={false} value={criteria[key]} options={choices} onChange={set(key)} />
    </Form.Item>
  );

  async function save() {
    setSaving(true);
    try {
      await onSave(name.trim());
      setOpen(false);
      setName('');
    } finally {
      setSaving(false);
    }
  }

  return (
    <ConfigProvider theme={readablePlaceholders}>
      <Form layout="inline" style={{ rowGap: 12, marginBottom: 16 }} onSubmitCapture={(event) => event.preventDefault()}>
        {select('stage', '阶段', stages.map((s) => ({ value: s.key, label: s.label })), 170)}
        {showUnit && select('unitId', '推荐单位', reportingUnits.map((u) => ({ value: u.id, label: u.name })), 130)}
        {/* wide enough for 工业互联网平台应用创新体验中心类 with the clear button */}
        {select('template', '类别', options(templateLabels), 290)}
        {select('due', '到期', options(dueLabels), 120)}
        <Form.Item label="到期日不晚于" htmlFor="filter-dueBefore">
          <DatePicker id="filter-dueBefore" value={criteria.dueBefore ? dayjs(criteria.dueBefore) : null} onChange={(value) => set('dueBefore')(value ? value.format('YYYY-MM-DD') : undefined)} />
        </Form.Item>
        {select('assignee', '办理人', [{ value: 'mine', label: '我认领的' }, { value: 'unassigned', label: '未认领' }], 120)}
        <Form.Item label="已保存的筛选" htmlFor="filter-saved">
          <Space.Compact>
            <Select
              id="filter-saved"
              placeholder={saved.length ? '选择' : '暂无'}
              style={{ width: 150 }}
              value={current?.id ?? null}
              options={saved.map((filter) => ({ value: filter.id, label: filter.name }))}
              onChange={(id: string) => onChange(saved.find((filter) => filter.id === id)?.criteria ?? {})}
            />
            {current && (
              <Popconfirm title={`删除筛选“${current.name}”？`} okText="删除" cancelText="取消" onConfirm={() => onDelete(current.id)}>
                <Button>删除</Button>
              </Popconfirm>
            )}
          </Space.Compact>
        </Form.Item>
        <Form.Item>
          <Popover
            open={open}
            onOpenChange={setOpen}
            trigger="click"
            title="保存当前筛选"
            content={(
              <Space.Compact>
                <Input aria-label="筛选名称" placeholder="如：本周到期的初审" maxLength={30} value={name} onChange={(event) => setName(event.target.value)} onPressEnter={() => name.trim() && void save()} />
                <Button type="primary" loading={saving} disabled={!name.trim()} onClick={save}>保存</Button>
              </Space.Compact>
            )}
          >
            <Button>保存筛选…</Button>
          </Popover>
        </Form.Item>
        <Form.Item>
          <Button onClick={() => onChange({})} disabled={!Object.values(criteria).some(Boolean)}>清除筛选</Button>
        </Form.Item>
      </Form>
    </ConfigProvider>
  );
}

function sameCriteria(a: TaskCriteria, b: TaskCriteria): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof TaskCriteria)[]);
  return [...keys].every((key) => (a[key] ?? undefined) === (b[key] ?? undefined));
}
