import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { registrationDetail, registrationList, type RegistrationDetail, type RegistrationSummary } from '../../../server/schemas/registrations.js';
import { api, messageOf } from '../api.js';
import { RegistrationDetailCard } from '../components/registrations/RegistrationDetailCard.js';
import { tagColors } from '../labels.js';

const statusTags: Record<RegistrationSummary['status'], { label: string; color: string }> = {
  unconfirmed: { label: '待确认邮箱', color: tagColors.info },
  pending: { label: '待审核', color: tagColors.action },
  approved: { label: '已通过', color: tagColors.good },
  rejected: { label: '已驳回', color: tagColors.bad },
};

/** 企业注册审核: the unit's registrations, pending first; one opened shows its files and the decision. */
export function UnitRegistrationsPage() {
  const [list, setList] = useState<RegistrationSummary[]>();
  const [chosen, setChosen] = useState<RegistrationDetail>();
  const [error, setError] = useState<string>();
  const load = useCallback(async () => {
    try {
      setList(await api('GET', '/api/registrations', registrationList));
    } catch (caught) {
      setError(messageOf(caught));
    }
  }, []);
  useEffect(() => { void load(); }, [load]);
  const open = async (id: string) => {
    try {
      setChosen(await api('GET', `/api/registrations/${id}`, registrationDetail));
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title={<Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>企业注册审核</Typography.Title>}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Table<RegistrationSummary> rowKey="id" loading={!list && !error} dataSource={list} pagination={{ pageSize: 20 }}
          locale={{ emptyText: '暂无注册申请' }}
          columns={[
            { title: '企业名称', dataIndex: 'enterpriseName', render: (name: string, row) => <Typography.Link onClick={() => open(row.id)}>{name}</Typography.Link> },
            { title: '统一社会信用代码', dataIndex: 'uscc', render: (uscc: string, row) => <Space>{uscc}{row.checksumFails && <Tag color={tagColors.notice}>校验位未通过</Tag>}</Space> },
            { title: '类型', dataIndex: 'kind', render: (kind: string) => (kind === 'claim' ? <Tag color={tagColors.notice}>认领</Tag> : '新注册') },
            { title: '状态', dataIndex: 'status', render: (status: RegistrationSummary['status']) => <Tag color={statusTags[status].color}>{statusTags[status].label}</Tag> },
            { title: '提交时间', dataIndex: 'createdAt', render: (at: Date) => at.toLocaleString('zh-CN') },
          ]} />
      </Card>
      {chosen && <RegistrationDetailCard key={chosen.id} registration={chosen} onDecided={async () => { await load(); await open(chosen.id); }} />}
    </Space>
  );
}
