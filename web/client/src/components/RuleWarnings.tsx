import { Alert } from 'antd';
import type { RuleWarning } from '../tasks.js';

/**
 * The rule warnings of the application a task is about, at the top of the task page: they never block the
 * declaration, so the reviewer is the one who must judge them before deciding.
 */
export function RuleWarnings({ warnings }: { warnings: readonly RuleWarning[] }) {
  if (!warnings.length) return null;
  return (
    <section aria-label="自动审查提示">
      <Alert
        type="warning"
        showIcon
        title={`自动审查发现 ${warnings.length} 条提示，请在办理前逐条核实`}
        description={(
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {warnings.map((warning, index) => <li key={index}>{warning.reason}</li>)}
          </ul>
        )}
      />
    </section>
  );
}
