import { Button, Card, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { tagColors } from '../../labels.js';
import { studioApi, type ModelKind, type ModelSummary } from '../studio-api.js';

/** One kind of model (processes, forms or decision tables) with its latest and deployed versions. */
export function ModelsCard({ kind, title, models }: { kind: ModelKind; title: string; models: ModelSummary[] | undefined }) {
  return (
    <Card title={title}>
      <Table<ModelSummary>
        rowKey="key"
        size="small"
        loading={models === undefined}
        dataSource={models?.filter((model) => model.kind === kind)}
        pagination={false}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '标识', dataIndex: 'key', render: (key: string) => <code>{key}</code> },
          { title: '文件', dataIndex: 'fileName' },
          { title: '最新版本', dataIndex: 'latestVersion', render: (version: number) => `第 ${version} 版` },
          {
            title: '已部署版本',
            dataIndex: 'deployedVersion',
            render: (version: number | null, model) => version === null
              ? <Tag>未部署</Tag>
              : <Tag color={version === model.latestVersion ? tagColors.good : tagColors.notice}>第 {version} 版{version === model.latestVersion ? '' : '（有更新未部署）'}</Tag>,
          },
          {
            title: '操作',
            render: (_, model) => (
              <Space>
                <Link to={`/studio/${kind}/${encodeURIComponent(model.key)}`} aria-label={`编辑${model.name}`}>编辑</Link>
                <Button type="link" size="small" href={studioApi.fileUrl(model.latestVersionId)} aria-label={`导出${model.name}`}>导出</Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
