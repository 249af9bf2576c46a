import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { registrationDecided, type RegistrationDetail } from '../../../../server/schemas/registrations.js';
import { api, fieldsOf, messageOf } from '../../api.js';
import { tagColors } from '../../labels.js';

/** One registration for its unit's reviewer: details, both files, the checksum flag, a claim's holder, the decision. */
export function RegistrationDetailCard({ registration, onDecided }: { registration: RegistrationDetail; onDecided: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const decide = async (decision: 'approve' | 'reject') => {
    setBusy(true);
    setError(undefined);
    try {
      await api('POST', `/api/registrations/${registration.id}/decision`, registrationDecided, decision === 'reject' ? { decision, reason } : { decision });
      onDecided();
    } catch (caught) {
      setError(fieldsOf(caught)[0]?.message ?? messageOf(caught));
    } finally {
      setBusy(false);
    }
  };
  const file = (kind: 'licence' | 'authorisation') => <a href={`/api/registrations/${registration.id}/files/${kind}`} download>{registration[kind].fileName}</a>;
  return (
    <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{registration.enterpriseName}</h2>}>
      {registration.checksumFails && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="统一社会信用代码未通过校验位检查，企业确认与营业执照所印完全一致，请对照营业执照核实。" />}
      {registration.kind === 'claim' && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="认领申请：该企业已有账号"
          description={registration.holders.length
            ? `现有账号：${registration.holders.map((h) => `${h.displayName}（${h.username}，${h.since.toLocaleDateString('zh-CN')}起）`).join('；')}。通过后现有账号将被停用。`
            : '现有账号已停用。'} />
      )}
      <Descriptions column={1} size="small" bordered items={[
        { key: 'uscc', label: '统一社会信用代码', children: <Space>{registration.uscc}{registration.checksumFails && <Tag color={tagColors.notice}>校验位未通过</Tag>}</Space> },
        { key: 'unit', label: '所属单位', children: registration.unitName },
        { key: 'legal', label: '法定代表人', children: registration.legalRepresentative },
        { key: 'contact', label: '联系人', children: `${registration.contactName}（${registration.contactPhone}）` },
        { key: 'email', label: '电子邮箱', children: registration.email },
        { key: 'username', label: '用户名', children: registration.username },
        { key: 'licence', label: '营业执照', children: file('licence') },
        { key: 'authorisation', label: '授权书', children: file('authorisation') },
        ...(registration.decidedAt ? [{ key: 'decision', label: '审核结果', children: `${registration.status === 'approved' ? '已通过' : '已驳回'}（${registration.decidedBy ?? ''}，${registration.decidedAt.toLocaleString('zh-CN')}）${registration.decisionReason ? `：${registration.decisionReason}` : ''}` }] : []),
      ]} />
      {registration.status === 'pending' && (
        <Form layout="vertical" style={{ marginTop: 16 }}>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
          <Form.Item label="驳回原因（驳回时必填）" htmlFor="registration-reason">
            <Input.TextArea id="registration-reason" rows={2} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
          </Form.Item>
          <Space>
            <Button type="primary" loading={busy} onClick={() => decide('approve')}>通过</Button>
            <Button loading={busy} disabled={!reason.trim()} onClick={() => decide('reject')}>驳回</Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
