import { Alert, Form, Input, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { messageOf } from '../studio-api.js';

interface Props {
  open: boolean;
  title: string;
  okText: string;
  /** Shown above the comment field: what is about to happen. */
  children?: ReactNode;
  /** Does the work; a rejection keeps the dialog open with its message. */
  onSubmit(comment: string): Promise<void>;
  onClose(): void;
}

/** A confirmation that asks for a comment (required): every save, restore, deploy and call change is explained. */
export function CommentDialog({ open, title, okText, children, onSubmit, onClose }: Props) {
  const [form] = Form.useForm<{ comment: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const close = () => {
    setError(undefined);
    onClose();
  };
  return (
    <Modal open={open} title={title} okText={okText} cancelText="取消" confirmLoading={busy} destroyOnHidden
      onCancel={close}
      onOk={async () => {
        const { comment } = await form.validateFields().catch(() => ({ comment: undefined }));
        if (comment === undefined) return;
        setBusy(true);
        setError(undefined);
        try {
          await onSubmit(comment.trim());
          form.resetFields();
        } catch (caught) {
          setError(messageOf(caught));
        } finally {
          setBusy(false);
        }
      }}>
      {children}
      <Form form={form} name="studio-comment" layout="vertical" preserve={false}>
        <Form.Item name="comment" label="说明" rules={[{ required: true, whitespace: true, message: '请填写说明' }, { max: 500, message: '说明不超过 500 字' }]}>
          <Input.TextArea rows={3} placeholder="说明本次修改的原因，例如：按新一年的申报通知调整" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
