// The officer's buttons of the panel steps: 抽取专家, 重新抽取 (the selected projects, with a reason) and 确认专家名单
// while drawing; 结束评分 while scoring. The last two complete the campaign's open task.
import { Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import type { ReviewSessionView } from '../../../../server/schemas/review-sessions.js';
import { api } from '../../api.js';
import { ReasonDialog } from './ReasonDialog.js';
import { anyAnswer, type SessionActionRunner } from './use-session-action.js';

/** The step buttons of 项目与评审组; nothing at the other steps. */
export function PanelStepActions({ view, selected, runner, onRedrawn }: {
  view: ReviewSessionView;
  /** The projects chosen in the table, for 重新抽取. */
  selected: readonly string[];
  runner: SessionActionRunner;
  onRedrawn(): void;
}) {
  const [redrawing, setRedrawing] = useState(false);
  const draws = `/api/review-sessions/${view.sessionId}/draws`;
  const task = view.openTask;
  const busy = runner.busy !== undefined;
  if (view.status === 'drawing') {
    return (
      <Space wrap>
        <Button disabled={busy} onClick={() => void runner.run('draw', '未能抽取专家', () => api('POST', draws, anyAnswer, {}), '已抽取评审专家')}>抽取专家</Button>
        <Button disabled={busy || selected.length === 0} onClick={() => setRedrawing(true)}>重新抽取</Button>
        {task?.taskKey === 'DrawPanels' && (
          <Popconfirm title="确认专家名单？" description="确认后各评审专家收到评审任务，须先签署回避声明；此后不能再抽取，只能单独更换专家。"
            okText="确认" cancelText="取消" onConfirm={() => void runner.run('confirm', '未能确认专家名单', () => api('POST', `/api/review-sessions/${view.sessionId}/panels/confirm`, anyAnswer), '专家名单已确认，已通知评审专家')}>
            <Button type="primary" disabled={busy}>确认专家名单</Button>
          </Popconfirm>
        )}
        {redrawing && (
          <ReasonDialog title={`重新抽取评审专家（${selected.length} 个项目）`} label="重新抽取的原因" okText="重新抽取"
            intro="所选项目的现有评审专家将被撤换，并从其余符合条件的专家中重新随机抽取；原因记入抽取记录。"
            send={(reason) => api('POST', draws, anyAnswer, { projectIds: selected, reason })}
            onDone={() => { setRedrawing(false); onRedrawn(); void runner.succeeded('已重新抽取评审专家'); }}
            onClose={() => setRedrawing(false)} />
        )}
      </Space>
    );
  }
  if (view.status === 'scoring' && task?.taskKey === 'CollectScores') {
    return (
      <Popconfirm title="结束评分？" description="结束后汇总各项目得分并排名，进入下一步。" okText="结束评分" cancelText="取消"
        onConfirm={() => void runner.run('close', '未能结束评分', () => api('POST', `/api/review-sessions/${view.sessionId}/scoring/close`, anyAnswer), '评分已结束，已汇总得分')}>
        <Button type="primary" disabled={busy}>结束评分</Button>
      </Popconfirm>
    );
  }
  return null;
}
