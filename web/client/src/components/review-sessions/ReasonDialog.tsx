import { Alert, Input, Modal, Space, Typography } from 'antd';
import { useId, useState } from 'react';
import { reasonRequest } from '../../../../server/schemas/review-sessions.js';
import { messageOf } from '../../api.js';

/**
 * A dialog asking for the reason of an action on a seat or a panel (排除评分, 要求复核, 更换专家, 重新抽取): the reason is
 * required and recorded; the server's refusal stays in the dialog. Rendered only while open, so it starts empty.
 */
export function ReasonDialog({ title, intro, label, okText, send, onDone, onClose }: {
  title: string;
  /** What the action does, in a sentence. */
  intro: string;
  /** The reason field's label, e.g. 排除理由. */
  label: string;
  okText: string;
  send(reason: string): Promise<unknown>;
  onDone(): void;
  onClose(): void;
}) {
  const inputId = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function confirm() {
    const parsed = reasonRequest.safeParse({ reason });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message.replace('理由', label) ?? `请填写${label}`);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await send(parsed.data.reason);
      onDone();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title={title} open okText={okText} cancelText="取消" okButtonProps={{ disabled: busy }} onOk={() => void confirm()} onCancel={onClose}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{intro}</Typography.Paragraph>
        <label htmlFor={inputId}>{label}（必填，最多 500 字）</label>
        <Input.TextArea id={inputId} rows={3} maxLength={500} showCount value={reason} onChange={(e) => setReason(e.target.value)} />
        {error && <Alert type="error" showIcon role="alert" title={error} />}
      </Space>
    </Modal>
  );
}
