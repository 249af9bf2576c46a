import { Button, ConfigProvider, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { auditActionLabel, auditActionOptions } from '../../../../../domain/audit-actions.js';
import { reportingUnits } from '../../../../../domain/units.js';

/** The audit page's filters as the address holds them (the API's query names). */
export interface AuditCriteria {
  callId?: string;
  unitId?: string;
  actor?: string;
  applicationId?: string;
  action?: string[];
  from?: string;
  to?: string;
}

// antd's placeholder grey is too light for WCAG AA; "全部" is read as a value here, so it gets body-text contrast.
const readablePlaceholders = { token: { colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)' } };

/** The filters of 操作日志: batch, unit, actor, application number, actions, time range; applied on 查询. */
export function AuditFilterForm({ criteria, calls, onApply }: { criteria: AuditCriteria; calls: { id: string; title: string }[]; onApply(criteria: AuditCriteria): void }) {
  const [draft, setDraft] = useState<AuditCriteria>(criteria);
  // The address's filters replace the draft only when they come from elsewhere (back, a link): the router applies
  // this form's own navigation a moment later, and by then the officer may be typing the next filter.
  const applied = useRef(keyOf(criteria));
  useEffect(() => {
    if (keyOf(criteria) !== applied.current) setDraft(criteria);
    applied.current = keyOf(criteria);
  }, [criteria]);
  const apply = (next: AuditCriteria) => {
    applied.current = keyOf(next);
    setDraft(next);
    onApply(next);
  };
  const set = <K extends keyof AuditCriteria>(key: K, value: AuditCriteria[K] | null | '') =>
    setDraft((current) => ({ ...current, [key]: value === null || value === '' || (Array.isArray(value) && !value.length) ? undefined : value }));
  const actions = [...auditActionOptions(), ...(draft.action ?? []).filter((code) => auditActionLabel(code) === code).map((code) => ({ value: code, label: code }))];
  const time = (key: 'from' | 'to', label: string) => (
    <Form.Item label={label} htmlFor={`audit-${key}`}>
      <DatePicker id={`audit-${key}`} showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder="不限" value={draft[key] ? dayjs(draft[key]) : null}
        onChange={(value) => set(key, value ? value.second(key === 'to' ? 59 : 0).toISOString() : null)} />
    </Form.Item>
  );
  return (
    <ConfigProvider theme={readablePlaceholders}>
      <Form layout="inline" onFinish={() => apply(draft)} style={{ rowGap: 12 }}>
        <Form.Item label="申报批次" htmlFor="audit-call">
          <Select id="audit-call" allowClear placeholder="全部" style={{ width: 220 }} popupMatchSelectWidth={false} value={draft.callId}
            options={calls.map((call) => ({ value: call.id, label: call.title }))} onChange={(value: string | undefined) => set('callId', value ?? null)} />
        </Form.Item>
        <Form.Item label="单位" htmlFor="audit-unit">
          <Select id="audit-unit" allowClear placeholder="全部" style={{ width: 130 }} value={draft.unitId}
            options={reportingUnits.map((unit) => ({ value: unit.id, label: unit.name }))} onChange={(value: string | undefined) => set('unitId', value ?? null)} />
        </Form.Item>
        <Form.Item label="操作人" htmlFor="audit-actor">
          <Input id="audit-actor" placeholder="用户名或其开头" style={{ width: 170 }} value={draft.actor ?? ''} onChange={(e) => set('actor', e.target.value.trim())} />
        </Form.Item>
        <Form.Item label="申报编号" htmlFor="audit-application">
          <Input id="audit-application" placeholder="如 2021-130100-0007" style={{ width: 190 }} value={draft.applicationId ?? ''} onChange={(e) => set('applicationId', e.target.value.trim())} />
        </Form.Item>
        <Form.Item label="操作" htmlFor="audit-action">
          <Select id="audit-action" mode="multiple" allowClear placeholder="全部" style={{ minWidth: 220, maxWidth: 480 }} popupMatchSelectWidth={false} value={draft.action ?? []}
            optionFilterProp="label" options={actions} onChange={(value: string[]) => set('action', value)} />
        </Form.Item>
        {time('from', '起始时间')}
        {time('to', '截止时间')}
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">查询</Button>
            <Button onClick={() => apply({})}>清空条件</Button>
          </Space>
        </Form.Item>
      </Form>
    </ConfigProvider>
  );
}

// helpers

/** The filters as one text, whatever the order their keys were set in; empty values count as absent. */
function keyOf(criteria: AuditCriteria): string {
  return JSON.stringify(Object.entries(criteria).filter(([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && !value.length)).sort(([a], [b]) => a.localeCompare(b)));
}
