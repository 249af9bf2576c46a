import { Alert, App, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { noContent } from '../../../server/schemas/common.js';
import { savedFilter, savedFilters } from '../../../server/schemas/task-filters.js';
import { taskList, type TaskList } from '../../../server/schemas/tasks.js';
import { api, messageOf } from '../api.js';
import { TaskFilters, type SavedFilter } from '../components/TaskFilters.js';
import { TaskSubject } from '../components/TaskSubject.js';
import { tagColors } from '../labels.js';
import { useSession, type Role } from '../session.js';
import { beijingDate, beijingTime, criteriaKeys, criteriaQuery, type TaskCriteria, type TaskRow } from '../tasks.js';

// What an empty list means differs by role: each names the work that will arrive there.
const emptyHints: Partial<Record<Role, string>> = {
  'city-reviewer': '暂无待办任务。企业提交并上传盖章材料后，初审任务会出现在这里。',
  'province-officer': '暂无待办任务。需要省工信厅办理的流程任务会出现在这里；各市推荐与报送进度请查看工作看板。',
  expert: '暂无待办任务。省工信厅为您分配评审任务后，任务会出现在这里。',
};

/** 待办任务: the tasks of one's groups, narrowed by filters kept in the address (and saved by name), claimable. */
export function TaskListPage() {
  const { account } = useSession();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const criteria = Object.fromEntries(criteriaKeys.flatMap((key) => (params.get(key) ? [[key, params.get(key)]] : []))) as TaskCriteria;
  const query = criteriaQuery(criteria);
  const [list, setList] = useState<TaskList>();
  const [saved, setSaved] = useState<SavedFilter[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const load = useCallback(() => {
    setList(undefined);
    setError(undefined);
    return api('GET', `/api/tasks${query ? `?${query}` : ''}`, taskList).then(setList, (e) => setError(messageOf(e)));
  }, [query]);
  useEffect(() => void load(), [load]);
  const loadSaved = useCallback(() => api('GET', '/api/task-filters', savedFilters).then(setSaved, (e) => setError(messageOf(e))), []);
  useEffect(() => void loadSaved(), [loadSaved]);
  const member = account?.role === 'city-reviewer' || account?.role === 'province-officer';

  async function act(taskId: string, action: 'claim' | 'unclaim') {
    setBusy(taskId);
    try {
      await api('POST', `/api/tasks/${taskId}/${action}`, noContent);
      await load();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(undefined);
    }
  }
  const saveFilter = async (name: string) => {
    try {
      await api('POST', '/api/task-filters', savedFilter, { name, criteria });
      await loadSaved();
      void message.success(`已保存筛选“${name}”`);
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  const deleteFilter = async (id: string) => {
    await api('DELETE', `/api/task-filters/${id}`, noContent).catch((e) => setError(messageOf(e)));
    await loadSaved();
  };
  const now = Date.now();

  return (
    <Card title={<Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>待办任务</Typography.Title>}>
      <TaskFilters
        criteria={criteria}
        onChange={(next) => setParams(criteriaQuery(next))}
        stages={list?.stages ?? []}
        showUnit={account?.role !== 'city-reviewer'}
        saved={saved}
        onSave={saveFilter}
        onDelete={deleteFilter}
      />
      {error && <Alert type="error" showIcon closable title={error} style={{ marginBottom: 16 }} />}
      <div aria-busy={list === undefined && !error}>
        <Table<TaskRow>
          rowKey="taskId"
          size="middle"
          tableLayout="fixed"
          loading={list === undefined && !error}
          dataSource={list?.tasks}
          locale={{
            emptyText: <Empty description={query ? '没有符合筛选条件的任务。可清除筛选查看全部待办任务。' : (account && emptyHints[account.role]) ?? '暂无待办任务。'} />,
          }}
          columns={[
            { title: '申报编号', key: 'number', width: 150, render: (_, t) => t.subject.applicationNumber ?? '—' },
            { title: '事项', key: 'subject', render: (_, t) => <TaskSubject subject={t.subject} /> },
            { title: '阶段', key: 'stage', width: 130, render: (_, t) => <Tag color={tagColors.info}>{t.stageLabel}</Tag> },
            ...(account?.role === 'city-reviewer' ? [] : [{ title: '推荐单位', key: 'unit', width: 100, render: (_: unknown, t: TaskRow) => t.subject.unitName ?? '—' }]),
            { title: '到达时间', key: 'created', width: 170, sorter: (a, b) => a.created.localeCompare(b.created), render: (_, t) => beijingTime(t.created) },
            {
              title: '到期日',
              key: 'due',
              width: 130,
              sorter: (a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'),
              render: (_, t) => (t.due ? <Space size={4}>{beijingDate(t.due)}{new Date(t.due).getTime() < now && <Tag color={tagColors.bad}>已逾期</Tag>}</Space> : '—'),
            },
            { title: '办理人', key: 'assignee', width: 110, render: (_, t) => t.assignee?.displayName ?? <Typography.Text type="secondary">未认领</Typography.Text> },
            {
              title: '操作',
              key: 'actions',
              width: 150,
              render: (_, t) => (
                <Space size="small">
                  <Link to={`/tasks/${t.taskId}`} aria-label={`办理 ${t.subject.applicationNumber ?? t.subject.title}`}>办理</Link>
                  {member && !t.assignee && <Button size="small" loading={busy === t.taskId} onClick={() => act(t.taskId, 'claim')}>认领</Button>}
                  {member && t.assignee && <Button size="small" loading={busy === t.taskId} onClick={() => act(t.taskId, 'unclaim')}>释放</Button>}
                </Space>
              ),
            },
          ]}
        />
      </div>
    </Card>
  );
}
