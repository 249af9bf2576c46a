import type { FieldError } from '../api.js';

/** The server's field-level messages, as a list beside the form. */
export function ProblemList({ problems }: { problems: readonly FieldError[] }) {
  if (!problems.length) return null;
  return (
    <ul style={{ margin: 0 }}>
      {problems.map((problem) => <li key={problem.path}>{problem.path.replace(/^(body\.)?(data\.)?/, '')}：{problem.message}</li>)}
    </ul>
  );
}
