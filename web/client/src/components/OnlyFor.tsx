import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useSession, type Role } from '../session.js';

/** Where each role starts: its own work. A city reviewer's unit has no dashboard of its own yet, so its tasks. */
export const homeOf: Record<Role, string> = { applicant: '/portal', 'city-reviewer': '/tasks', 'province-officer': '/dashboard', 'division-head': '/tasks', finance: '/tasks', leadership: '/tasks', expert: '/tasks', administrator: '/dashboard' };

/**
 * A page for some roles only: anyone else goes to their own start page rather than to a page whose every request
 * the server would refuse (403). The server still checks every request.
 */
export function OnlyFor({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { account } = useSession();
  if (!account) return null;
  return roles.includes(account.role) ? children : <Navigate to={homeOf[account.role]} replace />;
}
