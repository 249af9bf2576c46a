// 试点项目名单: the selected projects once the list is final, and its documents (PDF and Excel) to download.
import { Card, Space, Table } from 'antd';
import type { ReviewSessionView } from '../../../../server/schemas/review-sessions.js';
import { CardHeading } from './CardHeading.js';
import { rankedProjectColumns } from './ranked-project-columns.js';

type Project = ReviewSessionView['projects'][number];

const documentNames: Record<ReviewSessionView['documents'][number]['format'], string> = {
  pdf: '下载试点项目名单（PDF）',
  xlsx: '下载试点项目名单（Excel）',
};

/** The final list with its downloads. */
export function FinalListCard({ view }: { view: ReviewSessionView }) {
  const selected = view.projects.filter((p) => p.selected).sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER));
  return (
    <Card title={<CardHeading>试点项目名单</CardHeading>}
      extra={view.documents.length > 0 && (
        <Space wrap>
          {view.documents.map((d) => <a key={d.attachmentId} href={`/api/attachments/${d.attachmentId}`}>{documentNames[d.format]}</a>)}
        </Space>
      )}>
      {view.documents.length === 0 && <p>名单文件正在生成，请稍后刷新页面。</p>}
      <Table<Project> rowKey="projectId" size="small" pagination={false} dataSource={selected} scroll={{ x: 'max-content' }}
        locale={{ emptyText: '名单中没有项目。' }}
        columns={rankedProjectColumns('index')} />
    </Card>
  );
}
