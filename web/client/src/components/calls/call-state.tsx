import { Tag } from 'antd';
import { tagColors } from '../../labels.js';

/** A call's state as the calls pages name it. */
export const callStateLabels: Record<string, string> = { draft: '草稿（未发布）', published: '已发布', closed: '已关闭' };

/** A call's state as a coloured tag. */
export function CallStateTag({ state }: { state: string }) {
  const color = state === 'published' ? tagColors.good : state === 'closed' ? tagColors.bad : tagColors.notice;
  return <Tag color={color}>{callStateLabels[state] ?? state}</Tag>;
}
