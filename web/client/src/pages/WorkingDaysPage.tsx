import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Select, Space, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { beijingDate, isWorkingDay, workingDayCalendar } from '../../../../domain/working-days.js';
import { workingDaysYear, type WorkingDaysYear } from '../../../server/schemas/working-days.js';
import { api, fieldsOf, messageOf, type FieldError } from '../api.js';
import { LoadError } from '../components/dashboard/LoadError.js';
import { useRemote } from '../components/dashboard/use-remote.js';
import { SpecialDaysTable, type SpecialDayDraft } from '../components/working-days/SpecialDaysTable.js';

let nextKey = 0;
const draftOf = (year: WorkingDaysYear): SpecialDayDraft[] =>
  year.days.map((day) => ({ key: `saved-${day.date}`, date: day.date, kind: day.kind, name: day.name, checked: day.checked, updatedBy: day.updatedBy }));
const sent = (rows: SpecialDayDraft[]) => rows.map(({ date, kind, name, checked }) => ({ date, kind, name, checked }));

/** The working days of a year on the calendar the rows give (for the officer to compare with the notice). */
function workingDaysIn(year: number, rows: SpecialDayDraft[]): number {
  const calendar = workingDayCalendar(rows.filter((row) => row.date));
  let count = 0;
  for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += 86_400_000) {
    if (isWorkingDay(new Date(day).toISOString().slice(0, 10), calendar)) count += 1;
  }
  return count;
}

/** The problems of a refused save, each naming its row ("第 N 行…"), and the fields to mark. */
function problemsOf(fields: FieldError[]): { messages: string[]; invalid: Set<string> } {
  const invalid = new Set<string>();
  const messages = fields.map((field) => {
    const match = /^body\.days\.(\d+)\.(\w+)/.exec(field.path);
    if (!match) return field.message;
    invalid.add(`${match[1]}.${match[2]}`);
    return field.message.startsWith('第 ') ? field.message : `第 ${Number(match[1]) + 1} 行：${field.message}`;
  });
  return { messages, invalid };
}

/**
 * 工作日历: the statutory holidays on weekdays and the make-up workdays (调休上班) on weekends of a year, which every
 * window counted in working days reads (the correction and sealed-scans due dates). The rows are edited and saved
 * together; shipped rows are 待核对 until the officer checks them against the State Council's notice.
 */
export function WorkingDaysPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(beijingDate(new Date()).slice(0, 4));
  const year = Number(params.get('year')) || thisYear;
  const remote = useRemote(`/api/working-days?year=${year}`, workingDaysYear);
  const [saved, setSaved] = useState<WorkingDaysYear>();
  const [rows, setRows] = useState<SpecialDayDraft[]>([]);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<{ title: string; messages: string[]; invalid: Set<string> }>();
  const show = (next: WorkingDaysYear) => {
    setSaved(next);
    setRows(draftOf(next));
  };
  useEffect(() => {
    if (remote.data) show(remote.data);
    setProblems(undefined);
  }, [remote.data]);

  const current = saved?.year === year ? saved : undefined;
  const changed = current !== undefined && JSON.stringify(sent(rows)) !== JSON.stringify(sent(draftOf(current)));
  const edit = (key: string, change: Partial<SpecialDayDraft>) => setRows((all) => all.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () => setRows((all) => [...all, { key: `new-${nextKey++}`, date: '', kind: 'holiday', name: '', checked: true }]);
  const unchecked = rows.filter((row) => !row.checked).length;
  const years = [...new Set([thisYear - 1, thisYear, thisYear + 1, thisYear + 2, thisYear + 3, year])].sort();

  async function save() {
    setSaving(true);
    setProblems(undefined);
    try {
      show(await api('PUT', `/api/working-days/${year}`, workingDaysYear, { days: sent(rows) }));
      message.success(`${year} 年工作日历已保存`);
    } catch (e) {
      setProblems({ title: `保存失败：${messageOf(e).split('：')[0]}`, ...problemsOf(fieldsOf(e)) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} aria-busy={remote.loading || saving}>
      <Flex justify="space-between" align="center" wrap gap="middle">
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>工作日历</Typography.Title>
        <Flex gap="middle" align="center" wrap>
          <label htmlFor="working-days-year">年份</label>
          <Select id="working-days-year" style={{ width: 120 }} value={year} onChange={(next: number) => setParams({ year: String(next) }, { replace: true })}
            options={years.map((y) => ({ value: y, label: `${y} 年` }))} />
          <Button icon={<ReloadOutlined />} loading={remote.loading} onClick={() => void remote.reload()}>刷新</Button>
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        按工作日计算的期限（补正、上传盖章材料等）按本日历计算：周一至周五上班，周六、周日休息。这里只需列出改变这一规则的日期：在工作日放假的法定节假日，以及在周末上班的调休上班日。
        每年国务院办公厅公布节假日安排后，请据此更新下一年。
      </Typography.Paragraph>
      {remote.error && <LoadError what="工作日历" error={remote.error} onRetry={remote.reload} />}
      {current && (
        <Flex gap="middle" wrap>
          <Card size="small" style={{ minWidth: 180 }}><Statistic title="节假日（工作日放假）" value={rows.filter((r) => r.kind === 'holiday').length} suffix="天" /></Card>
          <Card size="small" style={{ minWidth: 180 }}><Statistic title="调休上班日" value={rows.filter((r) => r.kind === 'workday').length} suffix="天" /></Card>
          <Card size="small" style={{ minWidth: 180 }}><Statistic title={`${year} 年工作日`} value={workingDaysIn(year, rows)} suffix="天" /></Card>
        </Flex>
      )}
      {unchecked > 0 && (
        <Alert type="warning" showIcon title={`有 ${unchecked} 条日期待核对`}
          description="系统预置的日期（当年按国务院办公厅通知录入，次年为预估）须对照正式通知逐条核对：核对无误后勾选「已核对」，有误的请修改，然后保存。" />
      )}
      {problems && (
        <Alert type="error" showIcon role="alert" title={problems.title} closable onClose={() => setProblems(undefined)}
          description={problems.messages.length ? <ul style={{ margin: 0 }} aria-label="保存的问题">{problems.messages.map((m) => <li key={m}>{m}</li>)}</ul> : undefined} />
      )}
      <SpecialDaysTable year={year} rows={current ? rows : []} invalid={problems?.invalid ?? new Set()} loading={remote.loading && !current} onChange={edit}
        onRemove={(key) => setRows((all) => all.filter((row) => row.key !== key))} />
      <Flex gap="middle" wrap>
        <Button icon={<PlusOutlined />} onClick={add} disabled={!current}>添加日期</Button>
        <Button type="primary" loading={saving} disabled={!changed} onClick={save}>保存全部</Button>
        <Button disabled={!changed || saving} onClick={() => { if (current) show(current); setProblems(undefined); }}>撤销修改</Button>
      </Flex>
    </Space>
  );
}
