import { Link } from 'react-router';
import { UnreadBadge } from './UnreadBadge.js';

/**
 * 消息 with its unread badge, for every role, in the header beside the account's name: always in sight, where an
 * entry at the end of a long menu would fold into its overflow.
 */
export function MessagesLink() {
  return <Link to="/messages" style={{ color: '#fff', whiteSpace: 'nowrap' }}><UnreadBadge /></Link>;
}
