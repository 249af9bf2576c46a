import { Alert, App, Button, DatePicker, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { unitDeadline } from '../../../../server/schemas/unit-calendar.js';
import { ApiError, api, messageOf } from '../../api.js';
import { timeLabel } from '../dashboard/format.js';

/**
 * 本单位企业申报截止: the deadline a city sets for its own enterprises (各市组织申报企业), after the call opens and no
 * later than the units' deadline to the province; without one, the province's enterprise deadline applies.
 */
export function UnitDeadlineEditor({ callId, current, onSaved }: { callId: string; current: Date | null; onSaved(): Promise<unknown> }) {
  const { message } = App.useApp();
  const [value, setValue] = useState<Dayjs | null>(current ? dayjs(current) : null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => setValue(current ? dayjs(current) : null), [current?.getTime()]);

  async function save() {
    if (!value) return;
    setBusy(true);
    setError(undefined);
    try {
      const saved = await api('PUT', `/api/calls/${callId}/my-unit/deadline`, unitDeadline, { enterpriseDeadline: value.second(0).millisecond(0).format() });
      void message.success(`本单位企业申报截止时间已设为 ${timeLabel(saved.enterpriseDeadline)}`);
      await onSaved();
    } catch (caught) {
      setError(caught instanceof ApiError ? (caught.fields[0]?.message ?? caught.message) : messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space orientation="vertical" size={4}>
      <Typography.Text>{current ? timeLabel(current) : '未另行设置（按全省截止时间）'}</Typography.Text>
      <Space wrap>
        <DatePicker id="unit-enterprise-deadline" aria-label="本单位企业申报截止时间" showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm"
          value={value} onChange={(next: Dayjs | null) => setValue(next)} />
        <Button loading={busy} disabled={!value || (current !== null && value.isSame(current, 'minute'))} onClick={save}>保存截止时间</Button>
      </Space>
      {error && <Alert type="error" showIcon role="alert" title={`未能保存：${error}`} />}
    </Space>
  );
}
