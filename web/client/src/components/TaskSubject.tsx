import { WarningOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { tagColors, templateLabels } from '../labels.js';
import type { TaskRow } from '../tasks.js';

// Each piece keeps its own line break rules: a long enterprise name or the longest category
// (工业互联网平台应用创新体验中心类) wraps between pieces instead of being cut off at 1366 px.
const piece = { whiteSpace: 'nowrap' } as const;

/** A task list row's 事项: the project, the enterprise and category, and a marker when the rules left warnings. */
export function TaskSubject({ subject }: { subject: TaskRow['subject'] }) {
  const category = subject.template ? templateLabels[subject.template] : undefined;
  return (
    <div style={{ minWidth: 0 }}>
      <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={subject.title}>{subject.title}</div>
      <Space size={[8, 0]} wrap>
        {subject.enterpriseName && <Typography.Text type="secondary" style={{ ...piece, fontSize: 12 }}>{subject.enterpriseName}</Typography.Text>}
        {category && <Typography.Text type="secondary" style={{ ...piece, fontSize: 12 }} data-testid="task-category">{category}</Typography.Text>}
        {subject.warningCount > 0 && (
          <Tooltip title="自动审查发现需要审核人核实的情况（如属地原则、统一社会信用代码校验位），详见办理页面">
            <Tag color={tagColors.notice} icon={<WarningOutlined />} style={piece} tabIndex={0}>{subject.warningCount} 条提示</Tag>
          </Tooltip>
        )}
      </Space>
    </div>
  );
}
