import { Alert, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { messageOf, studioApi } from '../studio-api.js';

/** The server's unified diff of two versions, added lines green and removed lines red. */
export function TextDiff({ olderId, newerId }: { olderId: string; newerId: string }) {
  const [unified, setUnified] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    studioApi.diff(olderId, newerId).then((answer) => setUnified(answer.unified), (caught: unknown) => setError(messageOf(caught)));
  }, [olderId, newerId]);
  if (error) return <Alert type="error" showIcon message={error} />;
  if (unified === undefined) return <Spin />;
  if (!unified.trim()) return <Alert type="info" showIcon message="两个版本的内容相同。" />;
  return (
    <pre className="studio-diff" aria-label="文本对比" tabIndex={0}>
      {unified.split('\n').map((line, index) => <span key={index} className={lineClass(line)}>{line}{'\n'}</span>)}
    </pre>
  );
}

// helpers

function lineClass(line: string): string | undefined {
  if (line.startsWith('+++') || line.startsWith('---')) return 'studio-line-file';
  if (line.startsWith('@@')) return 'studio-line-hunk';
  if (line.startsWith('+')) return 'studio-line-added';
  if (line.startsWith('-')) return 'studio-line-removed';
  return undefined;
}
