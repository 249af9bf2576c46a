import { Alert, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { noContent } from '../../../../server/schemas/common.js';
import type { ManagedAccount } from '../../../../server/schemas/accounts.js';
import { api, fieldsOf, messageOf } from '../../api.js';
import { NewPasswordFields } from '../NewPasswordFields.js';
import type { AccountScope } from './AccountDialog.js';

/** 设置初始密码: the manager types a new initial password twice; every session of the account ends. Rendered only while open. */
export function PasswordDialog({ scope, account, onClose, onSaved }: {
  scope: AccountScope;
  account: ManagedAccount;
  onClose(): void;
  onSaved(account: ManagedAccount): void;
}) {
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  async function save() {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setBusy(true);
    try {
      await api('POST', `${scope === 'admin' ? '/api/accounts' : '/api/my-unit/accounts'}/${account.id}/password`, noContent, { password: values.password });
      onSaved(account);
    } catch (caught) {
      setProblem(`未能设置：${fieldsOf(caught)[0]?.message ?? messageOf(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title={`设置初始密码：${account.username}`} open okText="设置" cancelText="取消" okButtonProps={{ loading: busy }} onOk={() => void save()} onCancel={onClose}>
      <Typography.Paragraph>设置后该账号在各处的登录立即失效，须用新密码重新登录；请另行告知本人，并提醒其登录后修改密码。</Typography.Paragraph>
      <Form form={form} layout="vertical" name="initial-password">
        <NewPasswordFields name="password" what="初始密码" label="新的初始密码" confirmLabel="再次输入" />
      </Form>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
    </Modal>
  );
}
