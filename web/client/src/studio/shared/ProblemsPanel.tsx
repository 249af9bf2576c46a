import { Card, Tag, Typography } from 'antd';
import { tagColors } from '../../labels.js';
import type { Problem } from '../studio-api.js';

interface Props {
  title: string;
  /** `<kind>:<key>` of the model in the editor: problems of other models (a deploy's members) are listed, not selectable. */
  model: string;
  problems: readonly Problem[];
  /** Selects the element a problem is about in the editor. */
  onSelect?(elementId: string): void;
  /** Describes an element for the list (its name), when the editor knows it. */
  describe?(elementId: string): string | undefined;
}

/** Lint findings (while editing, on save, or a refused deploy); a click on one shows its element. */
export function ProblemsPanel({ title, model, problems, onSelect, describe }: Props) {
  const errors = problems.filter((problem) => problem.category === 'error').length;
  return (
    <Card size="small" title={`${title}（${errors} 个错误，${problems.length - errors} 个提示）`} className="studio-problems">
      {problems.length === 0 ? <Typography.Text>未发现问题。</Typography.Text> : (
        <ul aria-label={title}>
          {problems.map((problem, index) => {
            const where = problem.elementId ? describe?.(problem.elementId) ?? problem.elementId : '';
            const text = `${where ? `${where}：` : ''}${problem.message}`;
            return (
              <li key={`${problem.model ?? ''}${problem.elementId}${problem.rule}${index}`}>
                <Tag color={problem.category === 'error' ? tagColors.bad : tagColors.notice}>{problem.category === 'error' ? '错误' : '提示'}</Tag>
                {problem.model && problem.model !== model && <Typography.Text type="secondary">{problem.model} </Typography.Text>}
                {onSelect && problem.elementId && (!problem.model || problem.model === model)
                  ? <button type="button" className="studio-problem-link" onClick={() => onSelect(problem.elementId)}>{text}</button>
                  : <span>{text}</span>}
                {problem.rule && <Typography.Text type="secondary"> [{problem.rule}]</Typography.Text>}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
