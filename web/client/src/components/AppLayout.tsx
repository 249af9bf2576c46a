import { Button, ConfigProvider, Layout, Menu, Space, Typography } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { roleLabels } from '../labels.js';
import { useSession, type Role } from '../session.js';
import { MessagesLink } from './messages/message-menu.js';

const menus: Record<Role, { key: string; label: string }[]> = {
  applicant: [{ key: '/portal', label: '我的申报' }],
  'city-reviewer': [{ key: '/tasks', label: '待办任务' }, { key: '/unit/dashboard', label: '本单位概况' }, { key: '/unit/library', label: '市级项目库' }, { key: '/unit/batch', label: '推荐批次' }, { key: '/unit/projects', label: '本单位项目' }, { key: '/unit/registrations', label: '企业注册审核' }],
  'province-officer': [{ key: '/dashboard', label: '工作看板' }, { key: '/calls', label: '申报批次' }, { key: '/indicators', label: '培育指标' }, { key: '/working-days', label: '工作日历' }, { key: '/tasks', label: '待办任务' }, { key: '/province/batches', label: '形式审查' }, { key: '/library', label: '省级项目库' }, { key: '/review-sessions', label: '评审会' }, { key: '/audit', label: '操作日志' }],
  // the approval roles: their approvals (退库 for the division head) in the tasklist, and the library they decide on
  'division-head': [{ key: '/tasks', label: '待办任务' }, { key: '/province/batches', label: '形式审查' }, { key: '/library', label: '省级项目库' }, { key: '/experts', label: '专家库' }, { key: '/review-sessions', label: '评审会' }],
  finance: [{ key: '/tasks', label: '待办任务' }, { key: '/library', label: '省级项目库' }],
  leadership: [{ key: '/tasks', label: '待办任务' }, { key: '/library', label: '省级项目库' }],
  expert: [{ key: '/tasks', label: '待办任务' }],
  administrator: [{ key: '/dashboard', label: '工作看板' }, { key: '/studio', label: '流程与表单设计' }, { key: '/admin/unit-groups', label: '单位分组' }, { key: '/admin/accounts', label: '账号管理' }, { key: '/audit', label: '操作日志' }],
};

// A city reviewer who is its unit's administrator (单位管理员) also manages its unit's reviewer accounts.
const unitAdminMenu = [{ key: '/unit/accounts', label: '本单位账号' }];
// Narrower items and header padding than antd's, so a province officer's nine entries fit at 1366 px: a folded
// menu's hidden items keep focusable links (axe: aria-hidden-focus).
const menuTheme = { components: { Menu: { itemPaddingInline: 8 } } };

/** The frame of every signed-in page: the title, the menu of the account's role, who is signed in, sign-out. */
export function AppLayout() {
  const { account, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  if (!account) return null;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 24 }}>
        <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          <Link to="/" style={{ color: '#fff' }}>河北省工业互联网重点项目管理平台</Link>
        </Typography.Text>
        <ConfigProvider theme={menuTheme}>
          <Menu theme="dark" mode="horizontal" selectedKeys={[location.pathname]} style={{ flex: 1, minWidth: 0 }}
            items={[...menus[account.role], ...(account.unitAdmin ? unitAdminMenu : [])].map((item) => ({ key: item.key, label: <Link to={item.key}>{item.label}</Link> }))} />
        </ConfigProvider>
        <Space>
          <Typography.Text style={{ color: '#fff' }}>{account.displayName}（{roleLabels[account.role]}）</Typography.Text>
          <MessagesLink />
          <Link to="/account/password" style={{ color: '#fff' }}>修改密码</Link>
          <Button size="small" onClick={async () => { await signOut(); navigate('/login'); }}>退出登录</Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1280, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
