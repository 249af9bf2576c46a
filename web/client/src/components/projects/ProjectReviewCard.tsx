// 专家评审 on a project's page: the review session the project is in, its step, the project's score and rank, whether it
// is on the 试点项目名单, and its panel once the results are published (the names stay confidential until then).
import { Card, Descriptions, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { projectReviewView } from '../../../../server/schemas/review-sessions.js';
import { ApiError, api, messageOf } from '../../api.js';
import { tagColors } from '../../labels.js';
import { LoadError } from '../dashboard/LoadError.js';
import { scoreText } from '../review-sessions/review-labels.js';
import type { z } from 'zod';

type Review = z.infer<typeof projectReviewView>;

/** The project's review, for every role that sees the project; nothing when the project is in no session (404). */
export function ProjectReviewCard({ projectId }: { projectId: string }) {
  const [review, setReview] = useState<Review | null>();
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setError(undefined);
    api('GET', `/api/projects/${projectId}/review`, projectReviewView).then(
      (answer) => current && setReview(answer),
      (caught) => {
        if (!current) return;
        if (caught instanceof ApiError && caught.status === 404) setReview(null);
        else setError(messageOf(caught));
      },
    );
    return () => {
      current = false;
    };
  }, [projectId, attempt]);
  if (error) return <LoadError what="专家评审结果" error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!review) return null;
  return (
    <Card title="专家评审">
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={[
        { key: 'session', label: '评审会', children: review.sessionName },
        { key: 'status', label: '评审进度', children: <Tag color={review.status === 'final' ? tagColors.good : tagColors.info}>{review.statusLabel}</Tag> },
        { key: 'score', label: '评审得分', children: scoreText(review.score) },
        { key: 'rank', label: '排名', children: review.rank ?? '—' },
        ...(review.selected ? [{ key: 'selected', label: '试点项目', children: <Tag color={tagColors.good}>已列入试点项目名单</Tag> }] : []),
        {
          key: 'panel', label: '评审专家', span: 'filled' as const, children: review.panel
            ? review.panel.map((p) => `${p.expertName}（${p.expertOrganisation}）${p.isLeader ? '，组长' : ''}`).join('；') || '—'
            : '评审专家名单在结果公示后公开',
        },
      ]} />
    </Card>
  );
}
