// 提出试点建议名单: the ranking (by rank, unranked last) with the limits; the officer picks the pilots, may add a note, and
// proposes them (completing the campaign's ProposePilots task). The limits are checked as the officer picks.
import { Alert, Button, Card, Input, Space, Table, Typography } from 'antd';
import { useId, useState } from 'react';
import { proposalProblems } from '../../../../../domain/pilot-selection.js';
import type { ReviewSessionView } from '../../../../server/schemas/review-sessions.js';
import { CardHeading } from './CardHeading.js';
import { rankedProjectColumns } from './ranked-project-columns.js';
import { api } from '../../api.js';
import { anyAnswer, type SessionActionRunner } from './use-session-action.js';
import { selectAllTitle } from './select-all-title.js';

type Project = ReviewSessionView['projects'][number];

/** The ranking and, for the officer at the proposing step, the proposal; `runner` is the officer's. */
export function ProposalCard({ view, runner }: { view: ReviewSessionView; runner: SessionActionRunner | undefined }) {
  const noteId = useId();
  const [selected, setSelected] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const ranking = rankingOf(view.projects);
  const limits = { perDirection: view.limitPerDirection, perUnit: view.limitPerUnit };
  const problems = selected.length ? proposalProblems(ranking, selected, limits) : [];
  const task = view.openTask?.taskKey === 'ProposePilots' ? view.openTask : null;
  const proposing = runner !== undefined && task !== null;
  const returned = view.proposals.at(-1)?.decision === 'return' ? view.proposals.at(-1) : undefined;

  async function propose() {
    if (!runner || !task) return;
    const ordered = ranking.filter((p) => selected.includes(p.projectId)).map((p) => p.projectId);
    const done = await runner.run('propose', '未能提出试点建议名单', () => api('POST', `/api/review-sessions/${view.sessionId}/proposals`, anyAnswer, { projectIds: ordered, note: note.trim() || null }), `已提出试点建议名单（${ordered.length} 个项目），待集体决策`);
    if (done) {
      setSelected([]);
      setNote('');
    }
  }

  return (
    <Card title={<CardHeading>评审排名与试点建议</CardHeading>}>
      <Typography.Paragraph>
        试点上限：每个方向 {view.limitPerDirection === null ? '不设上限' : `最多 ${view.limitPerDirection} 个`}，
        每个推荐单位 {view.limitPerUnit === null ? '不设上限' : `最多 ${view.limitPerUnit} 个`}。
        {proposing && '勾选拟建议的试点项目后提出建议名单，由集体决策审定。'}
      </Typography.Paragraph>
      {returned && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`第 ${returned.round} 轮建议名单被退回`}
          description={returned.decisionComment ?? undefined} />
      )}
      <Table<Project> rowKey="projectId" size="middle" dataSource={ranking} pagination={false} scroll={{ x: 'max-content' }}
        rowSelection={proposing ? {
          selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)),
          getCheckboxProps: (project) => ({ disabled: project.score === null, 'aria-label': `选择 ${project.projectNumber} ${project.projectName}` }),
          columnTitle: selectAllTitle,
        } : undefined}
        locale={{ emptyText: '尚无评审得分。' }}
        columns={rankedProjectColumns('rank')} />
      {proposing && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
          {problems.length > 0 && (
            <Alert type="warning" showIcon title="所选项目不符合试点上限" description={<ul style={{ margin: 0 }}>{problems.map((p) => <li key={p}>{p}</li>)}</ul>} />
          )}
          <label htmlFor={noteId}>说明（选填）</label>
          <Input.TextArea id={noteId} rows={3} maxLength={2000} showCount value={note} onChange={(e) => setNote(e.target.value)} />
          <Space wrap>
            <Button type="primary" disabled={selected.length === 0 || problems.length > 0 || runner.busy !== undefined} onClick={() => void propose()}>提出试点建议名单</Button>
            <Typography.Text>已选 {selected.length} 个项目</Typography.Text>
          </Space>
        </Space>
      )}
    </Card>
  );
}

// helpers

/** The projects by rank, the unranked (no valid score) last in their order. */
function rankingOf(projects: readonly Project[]): Project[] {
  return [...projects].sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER));
}
