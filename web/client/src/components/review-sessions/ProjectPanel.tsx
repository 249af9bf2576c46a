// What a project's row unfolds to: its panel's result (score, median, range, method, consensus) above its seats.
import { Alert, Descriptions, Space } from 'antd';
import type { ReviewSessionView } from '../../../../server/schemas/review-sessions.js';
import { methodLabels, scoreText } from './review-labels.js';
import { SeatTable, type SeatHandlers } from './SeatTable.js';

type Project = ReviewSessionView['projects'][number];

/** One project's panel and its result. */
export function ProjectPanel({ project, view, handlers }: { project: Project; view: ReviewSessionView; handlers: SeatHandlers | undefined }) {
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      {project.method !== null && (
        <Descriptions size="small" column={{ xs: 1, md: 4 }} items={[
          { key: 'score', label: '得分', children: scoreText(project.score) },
          { key: 'median', label: '中位数', children: scoreText(project.median) },
          { key: 'range', label: '极差', children: scoreText(project.range) },
          { key: 'method', label: '计分方法', children: methodLabels[project.method] },
        ]} />
      )}
      {project.needsConsensus && (
        <Alert type="warning" showIcon title="评分极差过大，需评审组组长组织合议"
          description={project.consensusOpinion ? `合议意见：${project.consensusOpinion}` : '组长尚未提交合议意见。'} />
      )}
      {!project.needsConsensus && project.consensusOpinion && <Alert type="info" showIcon title={`合议意见：${project.consensusOpinion}`} />}
      <SeatTable project={project} rubric={view.rubric} status={view.status} handlers={handlers} />
    </Space>
  );
}
