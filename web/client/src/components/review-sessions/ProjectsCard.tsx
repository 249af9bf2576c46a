// 项目与评审组: one row per reviewed project (number, name, enterprise, unit, direction, score, rank) that unfolds to
// its panel; 资格说明 per project; the officer's panel steps and seat actions at the steps that allow them.
import { Button, Card, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { ReviewSessionView } from '../../../../server/schemas/review-sessions.js';
import { api } from '../../api.js';
import { tagColors } from '../../labels.js';
import { CardHeading } from './CardHeading.js';
import { EligibilityDialog } from './EligibilityDialog.js';
import { PanelStepActions } from './PanelStepActions.js';
import { ProjectPanel } from './ProjectPanel.js';
import { ReasonDialog } from './ReasonDialog.js';
import { scoreText } from './review-labels.js';
import type { SeatAction } from './seat-actions.js';
import type { SeatHandlers } from './SeatTable.js';
import { anyAnswer, type SessionActionRunner } from './use-session-action.js';
import { selectAllTitle } from './select-all-title.js';

type Project = ReviewSessionView['projects'][number];
type Seat = Project['seats'][number];

/** A seat action that needs a reason, in its dialog's words. */
interface ReasonAsked {
  title: string;
  intro: string;
  label: string;
  okText: string;
  send(reason: string): Promise<unknown>;
  done: string;
}

/** The projects and their panels; `runner` (the officer's) adds the actions, none for a reader. */
export function ProjectsCard({ view, runner }: { view: ReviewSessionView; runner: SessionActionRunner | undefined }) {
  const [selected, setSelected] = useState<string[]>([]);
  const [explained, setExplained] = useState<Project>();
  const [asked, setAsked] = useState<ReasonAsked>();
  const seats = `/api/review-sessions/${view.sessionId}/seats`;

  function act(action: SeatAction, seat: Seat, project: Project) {
    if (!runner) return;
    const who = `${seat.expertName}（${project.projectNumber}）`;
    if (action === 'leader') {
      void runner.run(`leader:${seat.seatId}`, `未能将 ${who} 设为组长`, () => api('PUT', `${seats}/${seat.seatId}/leader`, anyAnswer), `已将 ${who} 设为组长`);
    } else if (action === 'restore') {
      void runner.run(`restore:${seat.seatId}`, `未能撤销对 ${who} 评分的排除`, () => api('DELETE', `${seats}/${seat.seatId}/exclusion`, anyAnswer), `已撤销排除，${who} 的评分重新计入`);
    } else if (action === 'exclude') {
      setAsked({
        title: `排除评分：${who}`, label: '排除理由', okText: '排除评分', done: `已排除 ${who} 的评分`,
        intro: '排除后该专家的评分不计入本项目得分；理由记入评审记录；评分期间可撤销排除。',
        send: (reason) => api('POST', `${seats}/${seat.seatId}/exclusion`, anyAnswer, { reason }),
      });
    } else if (action === 'rescore') {
      setAsked({
        title: `要求复核：${who}`, label: '复核理由', okText: '要求复核', done: `已要求 ${who} 复核评分`,
        intro: '该专家将重新收到评分任务并看到复核理由，复核后重新提交评分。',
        send: (reason) => api('POST', `${seats}/${seat.seatId}/rescore`, anyAnswer, { reason }),
      });
    } else {
      setAsked({
        title: `更换专家：${who}`, label: '更换理由', okText: '更换专家', done: `已更换 ${who}，新专家已抽取`,
        intro: '该专家的评审任务取消，系统从符合条件的专家中随机补抽一位；理由记入评审记录。',
        send: (reason) => api('POST', `${seats}/${seat.seatId}/replacement`, anyAnswer, { reason }),
      });
    }
  }

  const handlers: SeatHandlers | undefined = runner && { busy: runner.busy, act };
  const selectable = runner !== undefined && view.status === 'drawing';
  return (
    <Card title={<CardHeading>项目与评审组</CardHeading>}
      extra={runner && <PanelStepActions view={view} selected={selected} runner={runner} onRedrawn={() => setSelected([])} />}>
      <Table<Project> rowKey="projectId" size="middle" dataSource={view.projects} columns={projectColumns(setExplained)} pagination={false}
        scroll={{ x: 'max-content' }}
        rowSelection={selectable ? {
          selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)),
          getCheckboxProps: (project) => ({ 'aria-label': `选择 ${project.projectNumber} ${project.projectName}` }),
          columnTitle: selectAllTitle,
        } : undefined}
        expandable={{ expandedRowRender: (project) => <ProjectPanel project={project} view={view} handlers={handlers} /> }}
        locale={{ emptyText: '本评审会没有项目。' }} />
      {explained && <EligibilityDialog project={explained} onClose={() => setExplained(undefined)} />}
      {asked && runner && (
        <ReasonDialog title={asked.title} intro={asked.intro} label={asked.label} okText={asked.okText} send={asked.send}
          onDone={() => { setAsked(undefined); void runner.succeeded(asked.done); }} onClose={() => setAsked(undefined)} />
      )}
    </Card>
  );
}

// helpers

function projectColumns(explain: (project: Project) => void): ColumnsType<Project> {
  return [
    { title: '项目编号', dataIndex: 'projectNumber', width: 130 },
    { title: '项目名称', dataIndex: 'projectName' },
    { title: '申报企业', dataIndex: 'enterpriseName' },
    { title: '推荐单位', dataIndex: 'unitName', width: 100 },
    { title: '申报方向', dataIndex: 'directionLabel' },
    { title: '评审组', key: 'panel', width: 110, render: (_, project) => panelSummary(project) },
    { title: '得分', key: 'score', width: 70, render: (_, project) => scoreText(project.score) },
    { title: '排名', key: 'rank', width: 60, render: (_, project) => project.rank ?? '—' },
    {
      title: '标记', key: 'marks', width: 120, render: (_, project) => (
        <Space size={4} wrap>
          {project.needsConsensus && <Tag color={tagColors.action}>需组长合议</Tag>}
          {project.selected ? <Tag color={tagColors.good}>试点项目</Tag> : project.proposed && <Tag color={tagColors.info}>建议试点</Tag>}
        </Space>
      ),
    },
    {
      title: '资格', key: 'eligibility', width: 100,
      render: (_, project) => <Button size="small" aria-label={`资格说明：${project.projectNumber}`} onClick={() => explain(project)}>资格说明</Button>,
    },
  ];
}

/** The panel in brief: the active seats and how many of them scored. */
function panelSummary(project: Project): string {
  const active = project.seats.filter((seat) => seat.active);
  if (!active.length) return '未抽取';
  return `${active.length} 人，已评分 ${active.filter((seat) => seat.status === 'scored').length}`;
}
