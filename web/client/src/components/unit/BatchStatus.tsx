import { Alert, Descriptions, Tag } from 'antd';
import type { BatchView } from '../../../../server/schemas/batches.js';
import { tagColors } from '../../labels.js';
import { beijingTime } from '../../tasks.js';

const stateLabels: Record<BatchView['state'], { label: string; color: string }> = {
  'not-prepared': { label: '尚未生成推荐表', color: tagColors.notice },
  rendering: { label: '推荐表正在生成', color: tagColors.info },
  ready: { label: '推荐表已生成，待盖章报送', color: tagColors.action },
  submitted: { label: '已报送省厅', color: tagColors.good },
};

/** The batch's state, its deadline, and a window the province reopened: until when, why and by whom. */
export function BatchStatus({ batch, pending, now }: { batch: BatchView; pending: boolean; now: Date }) {
  const state = pending && batch.state !== 'submitted' ? stateLabels.rendering : stateLabels[batch.state];
  const late = batch.state !== 'submitted' && now > batch.deadline;
  return (
    <>
      <Descriptions bordered size="small" column={1} title="推荐批次状态"
        items={[
          { key: 'state', label: '状态', children: <span data-testid="batch-state"><Tag color={state.color}>{state.label}</Tag></span> },
          { key: 'deadline', label: '报送截止时间', children: <>{beijingTime(batch.deadline)}{late && <Tag color={tagColors.bad} style={{ marginInlineStart: 8 }}>已过截止时间</Tag>}</> },
          ...(batch.submittedAt ? [{ key: 'submitted', label: '报送时间', children: beijingTime(batch.submittedAt) }] : []),
        ]} />
      {batch.reopening && (
        <Alert type="info" showIcon
          title={`省厅已重新开放本单位的报送窗口，至 ${beijingTime(batch.reopening.openUntil)}`}
          description={`由 ${batch.reopening.byName} 于 ${beijingTime(batch.reopening.at)} 开放。原因：${batch.reopening.reason}`} />
      )}
      {late && !batch.reopening && <Alert type="error" showIcon title="已过报送截止时间；如需报送，请联系省厅重新开放。" />}
    </>
  );
}
