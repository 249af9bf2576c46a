import { Alert, Button, Card, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { withdrawalRequest } from '../../../server/schemas/applications.js';
import { noContent } from '../../../server/schemas/common.js';
import { api, messageOf } from '../api.js';

/**
 * 撤回申报: the applicant withdraws its application with a reason, confirmed in a dialog; offered only while the
 * server allows it (until the unit submits the batch that holds it), else the reason why not is shown.
 */
export function WithdrawApplication({ applicationId, allowed, refusal, onWithdrawn }: {
  applicationId: string;
  allowed: boolean;
  refusal: string | null;
  onWithdrawn: () => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (!allowed) return refusal && refusal.includes('推荐单位') ? <Alert type="info" showIcon message={refusal} /> : null;
  const confirm = async () => {
    const parsed = withdrawalRequest.safeParse({ reason });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '请填写撤回原因');
    setBusy(true);
    try {
      await api('POST', `/api/applications/${applicationId}/withdrawal`, noContent, parsed.data);
      setOpen(false);
      await onWithdrawn();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="撤回申报">
      <Space direction="vertical">
        <Typography.Text type="secondary">推荐单位报送推荐批次前，企业可自行撤回申报；撤回后流程结束，不能恢复，已占用的推荐名额随之释放，推荐单位会收到通知。</Typography.Text>
        <Button danger onClick={() => (setError(undefined), setOpen(true))}>撤回申报</Button>
      </Space>
      <Modal title="确认撤回申报" open={open} okText="确认撤回" cancelText="取消" okButtonProps={{ loading: busy }} onOk={() => void confirm()} onCancel={() => setOpen(false)}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>撤回后本申报即告结束，不能恢复。请填写撤回原因（推荐单位可见）：</Typography.Text>
          <Input.TextArea aria-label="撤回原因" rows={3} maxLength={500} showCount value={reason} onChange={(e) => setReason(e.target.value)} />
          {error && <Alert type="error" showIcon message={error} />}
        </Space>
      </Modal>
    </Card>
  );
}
