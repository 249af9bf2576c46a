import { Alert, Button, Card, DatePicker, Form, InputNumber, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { CallSettings } from '../../../../server/schemas/calls.js';
import { FieldProblems } from './FieldProblems.js';
import { useCallChange } from './use-call-change.js';

type Dates = { opensAt: Dayjs | null; enterpriseDeadline: Dayjs | null; cityDeadline: Dayjs | null };
type Days = { correctionDays: number | null; maxCorrectionRounds: number | null; sealDueDays: number | null; returnAnswerDays: number | null };

const dateFields: { key: keyof Dates; label: string }[] = [
  { key: 'opensAt', label: '申报开始时间' },
  { key: 'enterpriseDeadline', label: '企业申报截止时间' },
  { key: 'cityDeadline', label: '各市报送截止时间' },
];
const dayFields: { key: keyof Days; label: string; min: number; max: number }[] = [
  { key: 'correctionDays', label: '补正天数（工作日）', min: 1, max: 90 },
  { key: 'maxCorrectionRounds', label: '补正轮次上限', min: 0, max: 10 },
  { key: 'sealDueDays', label: '盖章上传天数（工作日）', min: 1, max: 90 },
  { key: 'returnAnswerDays', label: '省厅退回答复天数（工作日）', min: 1, max: 30 },
];

/** 日程: the call's dates and the windows counted per application; a refusal names its reason, a saved change what it leaves alone. */
export function CallScheduleCard({ settings, readOnly, onSaved }: { settings: CallSettings; readOnly: boolean; onSaved(next: CallSettings): void }) {
  const initialDates = (): Dates => ({ opensAt: dayjs(settings.opensAt), enterpriseDeadline: dayjs(settings.enterpriseDeadline), cityDeadline: dayjs(settings.cityDeadline) });
  const initialDays = (): Days => ({ correctionDays: settings.correctionDays, maxCorrectionRounds: settings.maxCorrectionRounds, sealDueDays: settings.sealDueDays,
    returnAnswerDays: settings.returnAnswerDays });
  const [dates, setDates] = useState(initialDates);
  const [days, setDays] = useState(initialDays);
  const [notes, setNotes] = useState<string[]>([]);
  const change = useCallChange((next) => {
    setNotes(next.notes);
    onSaved(next);
  });
  useEffect(() => {
    setDates(initialDates());
    setDays(initialDays());
  }, [settings]);

  const save = () => change.send('PUT', `/api/calls/${settings.id}/calendar`, '日程已保存', {
    opensAt: dates.opensAt?.second(0).millisecond(0).format(),
    enterpriseDeadline: dates.enterpriseDeadline?.second(0).millisecond(0).format(),
    cityDeadline: dates.cityDeadline?.second(0).millisecond(0).format(),
    ...days,
  });
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>日程</h2>}>
      <Form layout="vertical" disabled={readOnly}>
        <Space wrap size="large">
          {dateFields.map((field) => (
            <Form.Item key={field.key} label={field.label} htmlFor={`call-${field.key}`}>
              <DatePicker id={`call-${field.key}`} showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={dates[field.key]}
                onChange={(value: Dayjs | null) => setDates((current) => ({ ...current, [field.key]: value }))} />
            </Form.Item>
          ))}
        </Space>
        <Space wrap size="large">
          {dayFields.map((field) => (
            <Form.Item key={field.key} label={field.label} htmlFor={`call-${field.key}`}>
              <InputNumber id={`call-${field.key}`} min={field.min} max={field.max} precision={0} value={days[field.key]}
                onChange={(value) => setDays((current) => ({ ...current, [field.key]: value }))} />
            </Form.Item>
          ))}
        </Space>
      </Form>
      {!readOnly && <Button type="primary" loading={change.busy} onClick={save}>保存日程</Button>}
      {change.problem && <div style={{ marginTop: 12 }}><FieldProblems {...change.problem} /></div>}
      {notes.map((note) => <Alert key={note} style={{ marginTop: 12 }} type="info" showIcon title={note} />)}
    </Card>
  );
}
