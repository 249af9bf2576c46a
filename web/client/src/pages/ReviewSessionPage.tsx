// 评审会 (/review-sessions/:sessionId): one session's page, its cards by the campaign's step.
import { Alert, Flex, Space, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { reviewSessionView } from '../../../server/schemas/review-sessions.js';
import { useRemote } from '../components/dashboard/use-remote.js';
import { ProblemList } from '../components/ProblemList.js';
import { awaitsEngine } from '../components/review-sessions/engine-wait.js';
import { FinalListCard } from '../components/review-sessions/FinalListCard.js';
import { LatestProposalCard } from '../components/review-sessions/LatestProposalCard.js';
import { ObjectionsCard } from '../components/review-sessions/ObjectionsCard.js';
import { ProjectsCard } from '../components/review-sessions/ProjectsCard.js';
import { ProposalCard } from '../components/review-sessions/ProposalCard.js';
import { sessionStatusColor } from '../components/review-sessions/review-labels.js';
import { SessionHistoryCard } from '../components/review-sessions/SessionHistoryCard.js';
import { SessionOverview } from '../components/review-sessions/SessionOverview.js';
import { useSessionAction } from '../components/review-sessions/use-session-action.js';
import { useSession } from '../session.js';
import { useVisiblePolling } from '../use-visible-polling.js';

const POLL_MS = 5_000;
const decided = ['deciding', 'public-notice', 'final'];

/**
 * 评审会: one review session from the draw to the final 试点项目名单 — its rubric and settings, the projects with their
 * panels, scores and ranks, the proposal, the 公示 with its objections, the list's documents and every draw. The
 * province officer acts at each step (the campaign's steps complete its open task); the division head reads it.
 */
export function ReviewSessionPage() {
  const { sessionId } = useParams();
  const officer = useSession().account?.role === 'province-officer';
  const remote = useRemote(sessionId ? `/api/review-sessions/${sessionId}` : undefined, reviewSessionView);
  const runner = useSessionAction(remote.reload);
  const view = remote.data;
  useVisiblePolling(remote.reload, POLL_MS, !!view && !remote.error && awaitsEngine(view));
  if (!view) {
    return remote.error
      ? <Alert type="error" showIcon title={remote.error} description={<Link to="/review-sessions">返回评审会列表</Link>} />
      : <Spin aria-busy="true" description="正在加载评审会…"><div style={{ height: 200 }} /></Spin>;
  }
  const acting = officer ? runner : undefined;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} aria-busy={remote.loading || runner.busy !== undefined}>
      <Flex justify="space-between" align="center" wrap gap="middle">
        <Space wrap align="center">
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{view.name}</Typography.Title>
          <Tag color={sessionStatusColor(view.status)}>{view.statusLabel}</Tag>
        </Space>
        <Link to="/review-sessions">返回评审会列表</Link>
      </Flex>
      {remote.error && <Alert type="error" showIcon title={`评审会未能刷新：${remote.error}`} />}
      {runner.problem && (
        <Alert type="error" showIcon role="alert" closable onClose={runner.clearProblem} title={`${runner.problem.title}：${runner.problem.message}`}
          description={runner.problem.fields.length ? <ProblemList problems={runner.problem.fields} /> : undefined} />
      )}
      <SessionOverview view={view} />
      {view.status === 'final' && <FinalListCard view={view} />}
      {(view.status === 'public-notice' || view.status === 'final') && <ObjectionsCard view={view} runner={acting} />}
      {decided.includes(view.status) && <LatestProposalCard view={view} />}
      {view.status === 'proposing' && <ProposalCard view={view} runner={acting} />}
      <ProjectsCard view={view} runner={acting} />
      <SessionHistoryCard view={view} />
    </Space>
  );
}
