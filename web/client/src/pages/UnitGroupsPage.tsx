import { Alert, App, Button, Card, Checkbox, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, fieldsOf, messageOf, type FieldError } from '../api.js';
import { LoadError } from '../components/dashboard/LoadError.js';
import { useRemote } from '../components/dashboard/use-remote.js';
import { tagColors } from '../labels.js';
import { unitGroupMember, unitGroupsAnswer, type UnitGroupMember } from '../../../server/schemas/unit-groups.js';

/**
 * 单位分组 (administrators): a unit's city reviewers and the unit's sub-groups (分管领导 …) they are in. A task whose
 * candidate group a model sets to `${cityGroup}leader` reaches only the unit's 分管领导; each row saves on its own.
 */
export function UnitGroupsPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const remote = useRemote('/api/unit-groups', unitGroupsAnswer);
  const units = remote.data?.units ?? [];
  const unit = units.find((u) => u.unitId === params.get('unit')) ?? units[0];
  const [edited, setEdited] = useState<Record<number, string[]>>({});
  const [saving, setSaving] = useState<number>();
  const [problems, setProblems] = useState<{ title: string; fields: FieldError[] }>();
  useEffect(() => setEdited({}), [remote.data]);

  const groupsOf = (reviewer: UnitGroupMember) => edited[reviewer.accountId] ?? reviewer.groups;
  const changed = (reviewer: UnitGroupMember) => JSON.stringify([...groupsOf(reviewer)].sort()) !== JSON.stringify(reviewer.groups);
  const toggle = (reviewer: UnitGroupMember, groupId: string, on: boolean) => setEdited((all) => ({
    ...all,
    [reviewer.accountId]: on ? [...new Set([...groupsOf(reviewer), groupId])] : groupsOf(reviewer).filter((g) => g !== groupId),
  }));

  async function save(reviewer: UnitGroupMember) {
    setSaving(reviewer.accountId);
    setProblems(undefined);
    try {
      await api('PUT', `/api/unit-groups/accounts/${reviewer.accountId}`, unitGroupMember, { groups: groupsOf(reviewer) });
      message.success(`已保存 ${reviewer.displayName} 的分组`);
      await remote.reload();
    } catch (e) {
      setProblems({ title: `保存失败：${messageOf(e)}`, fields: fieldsOf(e) });
    } finally {
      setSaving(undefined);
    }
  }

  if (remote.error && !remote.data) return <LoadError what="单位分组" error={remote.error} onRetry={() => void remote.reload()} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} aria-busy={remote.loading || saving !== undefined}>
      <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>单位分组</Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>
        把市级审核人员加入本单位的分组。流程模型中候选组写作 <Typography.Text code>{'${cityGroup}leader'}</Typography.Text> 的任务（如“分管领导审核”），
        只出现在申报所属单位的分管领导的待办任务中；分组变更立即生效，只影响此后查看的待办任务。
        新建、停用市级审核人员账号或设为单位管理员，请到 <Link to="/admin/accounts?role=city-reviewer" style={{ textDecoration: 'underline' }}>账号管理</Link>。
      </Typography.Paragraph>
      {problems && (
        <Alert type="error" showIcon title={problems.title} closable onClose={() => setProblems(undefined)}
          description={problems.fields.length ? <ul style={{ margin: 0 }}>{problems.fields.map((f) => <li key={f.path}>{f.message}</li>)}</ul> : undefined} />
      )}
      <Card>
        <Space style={{ marginBottom: 16 }}>
          <label htmlFor="unit-groups-unit">单位</label>
          <Select id="unit-groups-unit" style={{ width: 200 }} value={unit?.unitId} loading={remote.loading && !remote.data}
            options={units.map((u) => ({ value: u.unitId, label: `${u.unitName}（${u.reviewers.length} 人）` }))}
            onChange={(unitId: string) => setParams({ unit: unitId })} />
        </Space>
        <Table
          rowKey="accountId"
          pagination={false}
          dataSource={unit?.reviewers ?? []}
          locale={{ emptyText: <Empty description="该单位还没有市级审核人员账号。" /> }}
          columns={[
            { title: '用户名', dataIndex: 'username' },
            { title: '姓名', dataIndex: 'displayName', render: (name: string, r: UnitGroupMember) => <>{name}{r.disabled && <Tag color={tagColors.bad} style={{ marginLeft: 8 }}>已停用</Tag>}</> },
            ...(unit?.groups ?? []).map((group) => ({
              title: group.label,
              key: group.groupId,
              render: (_: unknown, r: UnitGroupMember) => (
                <Checkbox checked={groupsOf(r).includes(group.groupId)} onChange={(e) => toggle(r, group.groupId, e.target.checked)}>{group.label}</Checkbox>
              ),
            })),
            {
              title: '操作',
              key: 'save',
              render: (_: unknown, r: UnitGroupMember) => (
                <Button type="primary" size="small" disabled={!changed(r)} loading={saving === r.accountId} onClick={() => void save(r)}>保存</Button>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
