// 评审会概况: the campaign's steps, the session's settings and its rubric.
import { Card, Descriptions, Steps, Typography } from 'antd';
import type { ReviewSessionView } from '../../../../server/schemas/review-sessions.js';
import { CardHeading } from './CardHeading.js';
import { beijing, sessionSteps } from './review-labels.js';
import { RubricTable } from './RubricTable.js';

/** 评审会概况: where the campaign stands (Steps), the panel size, the conflict setting, the limits, the 公示期, the rubric. */
export function SessionOverview({ view }: { view: ReviewSessionView }) {
  const current = sessionSteps.findIndex((step) => step.status === view.status);
  return (
    <Card title={<CardHeading>评审会概况</CardHeading>}>
      <Steps size="small" current={current} status={view.status === 'final' ? 'finish' : 'process'} style={{ marginBottom: 24 }}
        items={sessionSteps.map((step) => ({ title: step.label }))} />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={[
        { key: 'projects', label: '评审项目', children: `${view.projectCount} 个` },
        { key: 'panel', label: '每个项目评审专家人数', children: `${view.panelSize} 人` },
        { key: 'same-unit', label: '回避同地区专家', children: view.excludeSameUnit ? '是' : '否' },
        { key: 'created', label: '创建时间', children: beijing(view.createdAt) },
        { key: 'per-direction', label: '每个方向试点上限', children: view.limitPerDirection === null ? '不设上限' : `${view.limitPerDirection} 个` },
        { key: 'per-unit', label: '每个推荐单位试点上限', children: view.limitPerUnit === null ? '不设上限' : `${view.limitPerUnit} 个` },
        ...(view.noticeFrom && view.noticeUntil ? [{ key: 'notice', label: '公示期', children: `${beijing(view.noticeFrom)} 至 ${beijing(view.noticeUntil)}` }] : []),
        ...(view.finalisedAt ? [{ key: 'final', label: '名单发布时间', children: beijing(view.finalisedAt) }] : []),
      ]} />
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>评分标准</Typography.Title>
      {view.rubric
        ? <RubricTable rubric={view.rubric} />
        : <Typography.Paragraph type="secondary">评分标准正在生成，请稍后刷新页面。</Typography.Paragraph>}
    </Card>
  );
}
