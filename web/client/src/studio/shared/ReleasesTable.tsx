import { Alert, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { tagColors } from '../../labels.js';
import { kindLabels, messageOf, studioApi, type Release } from '../studio-api.js';

/** A process's deployments, what each contains, and how many instances still run on each. */
export function ReleasesTable({ processKey }: { processKey: string }) {
  const [releases, setReleases] = useState<Release[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    studioApi.releases(processKey).then(setReleases, (caught: unknown) => setError(messageOf(caught)));
  }, [processKey]);
  if (error) return <Alert type="error" showIcon message={error} />;
  return (
    <Table<Release>
      rowKey="id"
      size="small"
      loading={releases === undefined}
      dataSource={releases}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: '引擎版本', dataIndex: 'processDefinitionVersion' },
        { title: '部署时间', dataIndex: 'deployedAt', render: (at: Date) => dayjs(at).format('YYYY-MM-DD HH:mm') },
        { title: '部署人', dataIndex: 'deployedBy' },
        { title: '说明', dataIndex: 'comment' },
        { title: '包含', dataIndex: 'members', render: (members: Release['members']) => members.map((m) => `${kindLabels[m.kind]} ${m.key} 第${m.version}版`).join('；') },
        { title: '运行中的实例', dataIndex: 'runningInstances', render: (count: number) => <Tag color={count ? tagColors.info : undefined}>{count}</Tag> },
      ]}
    />
  );
}
