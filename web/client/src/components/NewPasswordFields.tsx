import { Form, Input } from 'antd';

/**
 * A new password and its repetition, checked alike wherever one is chosen (修改密码, a reset link, an administrator's
 * initial password): at least 10 characters, as the server requires, and both entries equal.
 */
export function NewPasswordFields({ name, what, label = what, confirmLabel = `再次输入${what}` }: {
  /** The form field holding the password; its repetition is `confirm`. */
  name: string;
  /** What the password is called in the messages, e.g. 新密码 or 初始密码. */
  what: string;
  label?: string;
  confirmLabel?: string;
}) {
  return (
    <>
      <Form.Item label={label} name={name} rules={[{ required: true, message: `请输入${what}` }, { min: 10, message: `${what}至少 10 个字符` }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item label={confirmLabel} name="confirm" dependencies={[name]} rules={[
        { required: true, message: `请再次输入${what}` },
        ({ getFieldValue }) => ({ validator: (_, value) => (value === getFieldValue(name) ? Promise.resolve() : Promise.reject(new Error(`两次输入的${what}不一致`))) }),
      ]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
