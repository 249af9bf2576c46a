import { Button, Popconfirm, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ManagedAccount } from '../../../../server/schemas/accounts.js';
import { timeLabel } from '../dashboard/format.js';
import { roleLabels, tagColors } from '../../labels.js';

/** What a row's buttons do. */
export interface AccountActions {
  /** The signed-in manager's own account: it sets its password elsewhere and a unit administrator cannot disable it. */
  selfId: number;
  edit(account: ManagedAccount): void;
  setPassword(account: ManagedAccount): void;
  setDisabled(account: ManagedAccount, disabled: boolean): void;
  busyId: number | undefined;
}

/** The account table's columns; `withRole` adds role and unit (the administrator's list). */
export function accountColumns(actions: AccountActions, withRole: boolean): ColumnsType<ManagedAccount> {
  return [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'displayName' },
    ...(withRole ? [
      { title: '角色', dataIndex: 'role', render: (role: string) => roleLabels[role] ?? role },
      { title: '所属单位', dataIndex: 'unitName', render: (name: string | null) => name ?? '—' },
    ] : []),
    { title: '电子邮箱', dataIndex: 'email', render: (email: string | null) => email ?? '—' },
    {
      title: '状态', key: 'state', render: (_: unknown, a: ManagedAccount) => (
        <Space size={4} wrap>
          {a.disabled ? <Tag color={tagColors.bad}>已停用</Tag> : <Tag color={tagColors.good}>启用中</Tag>}
          {a.unitAdmin && <Tag color={tagColors.info}>单位管理员</Tag>}
        </Space>
      ),
    },
    { title: '创建时间', dataIndex: 'createdAt', render: (at: Date) => timeLabel(at) },
    {
      title: '操作', key: 'actions', render: (_: unknown, a: ManagedAccount) => (
        <Space size={4} wrap>
          <Button size="small" onClick={() => actions.edit(a)}>编辑</Button>
          {a.id !== actions.selfId && <Button size="small" onClick={() => actions.setPassword(a)}>设置初始密码</Button>}
          {a.id !== actions.selfId && (a.disabled
            ? <Button size="small" type="primary" loading={actions.busyId === a.id} onClick={() => actions.setDisabled(a, false)}>启用</Button>
            : (
              <Popconfirm title={`停用账号 ${a.username}？`} description="停用后其登录立即失效，且不能再登录。" okText="停用" cancelText="取消" onConfirm={() => actions.setDisabled(a, true)}>
                <Button size="small" type="primary" loading={actions.busyId === a.id}>停用</Button>
              </Popconfirm>
            ))}
        </Space>
      ),
    },
  ];
}
