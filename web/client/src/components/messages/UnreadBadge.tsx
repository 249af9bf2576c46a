import { Badge } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { unreadCountAnswer } from '../../../../server/schemas/messages.js';
import { api } from '../../api.js';
import { useVisiblePolling } from '../../use-visible-polling.js';
import { onMessagesChanged } from './messages-changed.js';

const POLL_MS = 30_000;

/** The menu's 消息 with the number of unread messages, asked every 30 s while the tab is visible and after a read. */
export function UnreadBadge() {
  const [unread, setUnread] = useState(0);
  const refresh = useCallback(() => api('GET', '/api/messages/unread-count', unreadCountAnswer).then((answer) => setUnread(answer.unread)), []);
  useEffect(() => {
    void refresh().catch(() => undefined);
    return onMessagesChanged(() => void refresh().catch(() => undefined));
  }, [refresh]);
  useVisiblePolling(refresh, POLL_MS, true);
  return (
    <span>
      消息
      {unread > 0 && (
        <span data-testid="unread-count" style={{ marginLeft: 6 }}>
          <Badge count={unread} overflowCount={99} size="small" title={`${unread} 条未读`} style={{ backgroundColor: '#a8071a', boxShadow: 'none' }} />
        </span>
      )}
    </span>
  );
}
