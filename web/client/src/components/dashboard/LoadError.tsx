import { Alert, Button } from 'antd';

/** A load that failed: what happened (the server's Chinese message) and what to do next. */
export function LoadError({ what, error, onRetry }: { what: string; error: string; onRetry(): void }) {
  return (
    <Alert
      type="error"
      showIcon
      title={`${what}加载失败`}
      description={`${error} 可点击“重新加载”再试；如持续出现，请联系平台管理员。`}
      action={<Button size="small" onClick={onRetry}>重新加载</Button>}
    />
  );
}
