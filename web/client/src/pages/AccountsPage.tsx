import { Alert, App, Button, Card, Empty, Space, Table, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { accountPage, managedAccount, unitAccountList, type ManagedAccount } from '../../../server/schemas/accounts.js';
import { api, fieldsOf, messageOf } from '../api.js';
import { AccountDialog, type AccountScope } from '../components/accounts/AccountDialog.js';
import { AccountFilters, type AccountFilterValues } from '../components/accounts/AccountFilters.js';
import { accountColumns } from '../components/accounts/account-columns.js';
import { PasswordDialog } from '../components/accounts/PasswordDialog.js';
import { LoadError } from '../components/dashboard/LoadError.js';
import { useRemote } from '../components/dashboard/use-remote.js';
import { homeOf } from '../components/OnlyFor.js';
import { useSession } from '../session.js';

const PAGE_SIZE = 20;
const filterKeys = ['role', 'unitId', 'q', 'disabled'] as const;

/**
 * 账号管理 (/admin/accounts, the administrator: every account, filtered and paged) and 本单位账号 (/unit/accounts, a
 * unit administrator: its unit's city reviewers). New accounts get an initial password the manager types; disabling
 * ends the account's sessions at once; accounts are never deleted.
 */
export function AccountsPage({ scope }: { scope: AccountScope }) {
  const { account } = useSession();
  if (scope === 'unit' && account && !account.unitAdmin) return <Navigate to={homeOf[account.role]} replace />;
  return scope === 'admin' ? <AdministratorAccounts /> : <UnitAccounts />;
}

function AdministratorAccounts() {
  const [params, setParams] = useSearchParams();
  const filters: AccountFilterValues = Object.fromEntries(filterKeys.flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : [])));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = new URLSearchParams({ ...filters, page: String(page), pageSize: String(PAGE_SIZE) });
  const remote = useRemote(`/api/accounts?${query.toString()}`, accountPage);
  const setFilters = (values: AccountFilterValues) => setParams(Object.fromEntries(Object.entries(values).filter(([, v]) => v)) as Record<string, string>);
  return (
    <AccountsFrame scope="admin" title="账号管理" remote={remote} accounts={remote.data?.accounts ?? []}
      intro={<>
        新建省厅、处长、财务处、厅领导、评审专家、市级审核人员和平台管理员账号，修改角色、所属单位和单位管理员，停用或启用账号（企业账号由企业注册产生，这里只能停用或启用）。
        市级审核人员的分组（如分管领导）在 <Link to="/admin/unit-groups" style={{ textDecoration: 'underline' }}>单位分组</Link> 中设置。
      </>}
      filters={<AccountFilters key={params.get('q') ?? ''} values={filters} onChange={setFilters} />}
      pagination={{ current: page, pageSize: PAGE_SIZE, total: remote.data?.total ?? 0, showSizeChanger: false, showTotal: (total: number) => `共 ${total} 个账号`,
        onChange: (next: number) => setParams({ ...filters, page: String(next) } as Record<string, string>) }} />
  );
}

function UnitAccounts() {
  const remote = useRemote('/api/my-unit/accounts', unitAccountList);
  return (
    <AccountsFrame scope="unit" title={`本单位账号${remote.data ? `（${remote.data.unitName}）` : ''}`} remote={remote} accounts={remote.data?.accounts ?? []}
      intro="作为单位管理员，您可以新建本单位的市级审核人员账号、设为单位管理员、设置初始密码、停用或启用账号；角色和所属单位由平台管理员修改。"
      pagination={{ pageSize: PAGE_SIZE, hideOnSinglePage: true }} />
  );
}

function AccountsFrame({ scope, title, intro, filters, remote, accounts, pagination }: {
  scope: AccountScope;
  title: string;
  intro: ReactNode;
  filters?: ReactNode;
  remote: { loading: boolean; error: string | undefined; data: unknown; reload(): Promise<unknown> };
  accounts: ManagedAccount[];
  pagination: object;
}) {
  const { message } = App.useApp();
  const selfId = useSession().account?.id ?? 0;
  const [dialog, setDialog] = useState<{ editing?: ManagedAccount }>();
  const [passwordOf, setPasswordOf] = useState<ManagedAccount>();
  const [busyId, setBusyId] = useState<number>();
  const [problem, setProblem] = useState<string>();
  const base = scope === 'admin' ? '/api/accounts' : '/api/my-unit/accounts';

  async function setDisabled(account: ManagedAccount, disabled: boolean) {
    setBusyId(account.id);
    setProblem(undefined);
    try {
      await api('PATCH', `${base}/${account.id}`, managedAccount, { disabled });
      message.success(disabled ? `已停用 ${account.username}，其登录已失效` : `已启用 ${account.username}`);
      await remote.reload();
    } catch (caught) {
      setProblem(`${disabled ? '未能停用' : '未能启用'} ${account.username}：${fieldsOf(caught)[0]?.message ?? messageOf(caught)}`);
    } finally {
      setBusyId(undefined);
    }
  }

  if (remote.error && !remote.data) return <LoadError what="账号列表" error={remote.error} onRetry={() => void remote.reload()} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} aria-busy={remote.loading || busyId !== undefined}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{title}</Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{intro}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon role="alert" title={problem} closable onClose={() => setProblem(undefined)} />}
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
          {filters ?? <span />}
          <Button type="primary" onClick={() => setDialog({})}>{scope === 'admin' ? '新建账号' : '新建审核人员'}</Button>
        </Space>
        <Table<ManagedAccount> rowKey="id" dataSource={accounts} loading={remote.loading} pagination={pagination}
          locale={{ emptyText: <Empty description="没有符合条件的账号。" /> }}
          columns={accountColumns({ selfId, busyId, edit: (a) => setDialog({ editing: a }), setPassword: setPasswordOf, setDisabled: (a, d) => void setDisabled(a, d) }, scope === 'admin')} />
      </Card>
      {/* each dialog is rendered only while open: one dialog in the page at a time, fresh fields on every opening */}
      {dialog && <AccountDialog scope={scope} editing={dialog.editing} onClose={() => setDialog(undefined)}
        onSaved={(saved) => {
          message.success(dialog.editing ? `已保存 ${saved.username}` : `已新建账号 ${saved.username}`);
          setDialog(undefined);
          void remote.reload();
        }} />}
      {passwordOf && <PasswordDialog scope={scope} account={passwordOf} onClose={() => setPasswordOf(undefined)}
        onSaved={(a) => {
          message.success(`已为 ${a.username} 设置初始密码，其登录已失效`);
          setPasswordOf(undefined);
        }} />}
    </Space>
  );
}
