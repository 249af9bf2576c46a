// The columns of the review pages' project lists (the ranking, a proposal, the final list): rank or row number first,
// then the project, its unit and direction, and its score.
import type { TableColumnsType } from 'antd';
import type { ReviewSessionView } from '../../../../server/schemas/review-sessions.js';
import { scoreText } from './review-labels.js';

type Project = ReviewSessionView['projects'][number];

/** The columns, led by the ranking's 排名 or the list's 序号. */
export function rankedProjectColumns(first: 'rank' | 'index'): TableColumnsType<Project> {
  return [
    first === 'rank'
      ? { title: '排名', key: 'rank', width: 60, render: (_, p) => p.rank ?? '—' }
      : { title: '序号', key: 'index', width: 60, render: (_, __, index) => index + 1 },
    { title: '项目编号', dataIndex: 'projectNumber', width: 130 },
    { title: '项目名称', dataIndex: 'projectName' },
    { title: '申报企业', dataIndex: 'enterpriseName' },
    { title: '推荐单位', dataIndex: 'unitName', width: 100 },
    { title: '申报方向', dataIndex: 'directionLabel' },
    { title: '得分', key: 'score', width: 70, render: (_, p) => scoreText(p.score) },
  ];
}
