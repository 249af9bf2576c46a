import { Card, Table, Typography } from 'antd';
import type { CodedValue } from './coded-values.js';

/** Beside the decision table: what each coded value it uses means, in Chinese. */
export function CodedValuesCard({ values }: { values: readonly CodedValue[] }) {
  return (
    <section aria-label="取值说明">
      <Card size="small" title="取值说明">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          表中带英文双引号的取值是系统保存的代码，含义如下；修改规则时请照原样填写代码（包括双引号）。
        </Typography.Paragraph>
        <Table<CodedValue>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={[...values]}
          locale={{ emptyText: '表中没有需要说明的代码。' }}
          columns={[
            { title: '代码', dataIndex: 'code', render: (code: string) => <code>"{code}"</code> },
            { title: '含义', dataIndex: 'meanings', render: (meanings: string[]) => meanings.join('；') },
          ]}
        />
      </Card>
    </section>
  );
}
