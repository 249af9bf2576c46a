// 试点项目名单: the selected projects once the list is final, and its documents (PDF and Excel) to download.
import { Card, Space, Table } from 'antd';
import type { ReviewSessionView } from '../../../../server/schemas/review-sessions.js';
import { CardHeading } from './CardHeading.js';
import { scoreText } from './review-labels.js';

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
        columns={[
          { title: '序号', key: 'index', width: 60, render: (_, __, index) => index + 1 },
          { title: '项目编号', dataIndex: 'projectNumber', width: 130 },
          { title: '项目名称', dataIndex: 'projectName' },
          { title: '申报企业', dataIndex: 'enterpriseName' },
          { title: '推荐单位', dataIndex: 'unitName', width: 100 },
          { title: '申报方向', dataIndex: 'directionLabel' },
          { title: '得分', key: 'score', width: 70, render: (_, p) => scoreText(p.score) },
        ]} />
    </Card>
  );
}
