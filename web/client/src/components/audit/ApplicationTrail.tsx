import { Card, Tag, Timeline, Typography } from 'antd';
import { applicationTrail } from '../../../../server/schemas/audit.js';
import { tagColors } from '../../labels.js';
import { LoadError } from '../dashboard/LoadError.js';
import { useRemote } from '../dashboard/use-remote.js';

const beijing = (time: Date) => time.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/**
 * 办理记录: an application's statuses and the actions on it, oldest first, each with who and when. A status's reason
 * is not repeated here: 办理过程 above shows it. `version` changes when the page learned of a new status, so the
 * trail follows it.
 */
export function ApplicationTrail({ applicationId, version }: { applicationId: string; version: string }) {
  const remote = useRemote(`/api/applications/${applicationId}/trail?v=${encodeURIComponent(version)}`, applicationTrail);
  return (
    <Card title="办理记录">
      {remote.error && <LoadError what="办理记录" error={remote.error} onRetry={() => void remote.reload()} />}
      <Timeline items={(remote.data?.events ?? []).map((event, index) => ({
        key: `${index}`,
        color: event.kind === 'status' ? 'blue' : 'gray',
        children: (
          <div data-testid="trail-event">
            <Typography.Text type="secondary">{beijing(event.at)}</Typography.Text>{'　'}
            <Typography.Text>{event.actor}</Typography.Text>{'　'}
            {event.kind === 'status'
              ? <Tag color={tagColors.info}>{event.label}</Tag>
              : <Typography.Text strong>{event.label}</Typography.Text>}
            {event.detail && Object.keys(event.detail).length > 0 && (
              <details><summary>详情</summary><pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0, fontSize: 12 }}>{JSON.stringify(event.detail, null, 2)}</pre></details>
            )}
          </div>
        ),
      }))} />
    </Card>
  );
}
