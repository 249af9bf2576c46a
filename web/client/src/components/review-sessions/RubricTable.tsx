// A session's rubric (评分标准) as a table: the session's page and the expert's seat task show it alike.
import { Table } from 'antd';
import type { ReviewSessionView } from '../../../../server/schemas/review-sessions.js';

type Criterion = NonNullable<ReviewSessionView['rubric']>[number];

/** The rubric: each criterion with its maximum score and its guidance (also on the expert's task page). */
export function RubricTable({ rubric }: { rubric: readonly Criterion[] }) {
  return (
    <Table<Criterion> size="small" rowKey="code" pagination={false} dataSource={[...rubric]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
          <Table.Summary.Cell index={1}>{rubric.reduce((sum, c) => sum + c.maxScore, 0)}</Table.Summary.Cell>
          <Table.Summary.Cell index={2} />
        </Table.Summary.Row>
      )}
      columns={[
        { title: '评审指标', dataIndex: 'label', width: 160 },
        { title: '满分', dataIndex: 'maxScore', width: 80 },
        { title: '评分要点', dataIndex: 'guidance', render: (guidance: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{guidance}</span> },
      ]} />
  );
}
