import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { administeredRoles } from '../../../../../domain/account-rules.js';
import { reportingUnits } from '../../../../../domain/units.js';
import { managedAccount, type ManagedAccount } from '../../../../server/schemas/accounts.js';
import { api, fieldsOf, messageOf } from '../../api.js';
import { roleLabels } from '../../labels.js';

/** Whose accounts the dialog manages: the administrator's (every role) or a unit administrator's (its reviewers). */
export type AccountScope = 'admin' | 'unit';

interface Values {
  username?: string;
  displayName: string;
  email?: string;
  password?: string;
  role?: string;
  unitId?: string;
  unitAdmin?: boolean;
  disabled?: boolean;
}

/**
 * 新建账号 / 编辑账号: one dialog for both scopes. The administrator chooses the role, a reviewer's unit and the
 * unit-admin flag; a unit administrator only names, mails and flags its unit's reviewers. The server's field
 * problems are shown at their fields. Rendered only while open, so each opening starts from the account.
 */
export function AccountDialog({ scope, editing, onClose, onSaved }: {
  scope: AccountScope;
  /** The account edited; none creates one. */
  editing: ManagedAccount | undefined;
  onClose(): void;
  onSaved(account: ManagedAccount): void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const role = Form.useWatch('role', form);
  const enterprise = editing?.role === 'applicant';
  const reviewer = scope === 'unit' || role === 'city-reviewer';
  const initialValues: Values = editing
    ? { displayName: editing.displayName, email: editing.email ?? '', role: editing.role, unitId: editing.unitId ?? undefined, unitAdmin: editing.unitAdmin, disabled: editing.disabled }
    : { displayName: '', role: scope === 'admin' ? 'province-officer' : undefined, unitAdmin: false };

  async function save() {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const saved = await api(editing ? 'PATCH' : 'POST', url(scope, editing), managedAccount, bodyOf(scope, editing, values));
      onSaved(saved);
    } catch (caught) {
      const fields = fieldsOf(caught);
      const known = fields.filter((f) => f.path.startsWith('body.') && f.path.slice(5) in fieldNames);
      form.setFields(known.map((f) => ({ name: f.path.slice(5) as keyof Values, errors: [f.message] })));
      setProblem(known.length === fields.length && known.length ? undefined : `未能保存：${fields[0]?.message ?? messageOf(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  const title = editing ? `编辑账号：${editing.username}` : scope === 'unit' ? '新建本单位审核人员账号' : '新建账号';
  return (
    <Modal title={title} open okText="保存" cancelText="取消" okButtonProps={{ loading: busy }} onOk={() => void save()} onCancel={onClose}>
      <Form form={form} layout="vertical" name="account" requiredMark initialValues={initialValues}>
        {!editing && (
          <Form.Item label={fieldNames.username} name="username" rules={[{ required: true, message: '请填写用户名' }, { pattern: /^[a-z0-9._-]{3,64}$/, message: '用户名须为 3–64 位小写字母、数字或 . _ -' }]}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item label={fieldNames.displayName} name="displayName" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 100, message: '姓名最多 100 个字符' }]}>
          <Input />
        </Form.Item>
        <Form.Item label={fieldNames.email} name="email" rules={[{ required: !editing, message: '请填写电子邮箱' }, { type: 'email', message: '请填写有效的电子邮箱' }]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        {!editing && (
          <Form.Item label={fieldNames.password} name="password" extra="至少 10 个字符；请另行告知本人，并提醒其登录后修改密码。" rules={[{ required: true, message: '请填写初始密码' }, { min: 10, message: '初始密码至少 10 个字符' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        {scope === 'admin' && (
          <Form.Item label={fieldNames.role} name="role" rules={[{ required: true, message: '请选择角色' }]} extra={enterprise ? '企业账号的角色不能修改。' : undefined}>
            <Select disabled={enterprise} options={(enterprise ? ['applicant'] : administeredRoles).map((r) => ({ value: r, label: roleLabels[r] ?? r }))} />
          </Form.Item>
        )}
        {scope === 'admin' && role === 'city-reviewer' && (
          <Form.Item label={fieldNames.unitId} name="unitId" rules={[{ required: true, message: '市级审核人员须选择所属单位' }]}>
            <Select showSearch optionFilterProp="label" options={reportingUnits.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        )}
        {reviewer && !enterprise && (
          <Form.Item name="unitAdmin" valuePropName="checked" extra="单位管理员可以新建、停用本单位的市级审核人员账号。">
            <Checkbox>{fieldNames.unitAdmin}</Checkbox>
          </Form.Item>
        )}
        {editing && (
          <Form.Item name="disabled" valuePropName="checked" extra="停用后该账号立即退出登录，且不能再登录；账号及其记录保留。">
            <Checkbox>{fieldNames.disabled}</Checkbox>
          </Form.Item>
        )}
      </Form>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
    </Modal>
  );
}

// helpers

const fieldNames: Record<string, string> = {
  username: '用户名', displayName: '姓名', email: '电子邮箱', password: '初始密码', role: '角色', unitId: '所属单位', unitAdmin: '设为单位管理员', disabled: '停用此账号',
};

function url(scope: AccountScope, editing: ManagedAccount | undefined): string {
  const base = scope === 'admin' ? '/api/accounts' : '/api/my-unit/accounts';
  return editing ? `${base}/${editing.id}` : base;
}

function bodyOf(scope: AccountScope, editing: ManagedAccount | undefined, values: Values): Record<string, unknown> {
  const email = values.email?.trim() ? { email: values.email.trim() } : {};
  const reviewer = scope === 'unit' || values.role === 'city-reviewer';
  if (!editing) {
    const common = { username: values.username, displayName: values.displayName, password: values.password, unitAdmin: reviewer && Boolean(values.unitAdmin), ...email };
    return scope === 'unit' ? common : { ...common, role: values.role, unitId: reviewer ? values.unitId : null };
  }
  const common = { displayName: values.displayName, disabled: Boolean(values.disabled), ...email };
  if (editing.role === 'applicant') return common;
  if (scope === 'unit') return { ...common, unitAdmin: Boolean(values.unitAdmin) };
  return { ...common, role: values.role, unitId: reviewer ? values.unitId : null, unitAdmin: reviewer && Boolean(values.unitAdmin) };
}
