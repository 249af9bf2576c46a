import { Link } from 'react-router';
import type { Role } from '../../session.js';
import { UnreadBadge } from './UnreadBadge.js';

/** The menu entry 写信 for those who write letters (routes/letters.ts); nobody else gets one. */
export function messageMenu(role: Role): { key: string; label: string }[] {
  return role === 'province-officer' || role === 'city-reviewer' ? [{ key: '/messages/new', label: '写信' }] : [];
}

/**
 * 消息 with its unread badge, for every role, in the header beside the account's name: always in sight, where an
 * entry at the end of a long menu would fold into its overflow.
 */
export function MessagesLink() {
  return <Link to="/messages" style={{ color: '#fff', whiteSpace: 'nowrap' }}><UnreadBadge /></Link>;
}
