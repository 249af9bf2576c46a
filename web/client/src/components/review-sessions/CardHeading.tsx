// The heading a card of the review-session pages is titled with.
import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A card's title as the page's second-level heading, the way the other pages title their cards. */
export function CardHeading({ children }: { children: ReactNode }) {
  return <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{children}</Typography.Title>;
}
