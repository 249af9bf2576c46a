import { Button, Card, DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { relationshipKinds } from '../../../../../domain/expert-conflicts.js';
import type { ExpertView } from '../../../../server/schemas/experts.js';

/** One relationship as the dialog edits it. */
export interface RelationshipValues {
  enterpriseName: string;
  enterpriseUscc: string;
  kind?: string;
  since?: Dayjs | null;
  until?: Dayjs | null;
  note?: string;
}

/** A stored relationship as the dialog's values. */
export function relationshipValues(relationship: ExpertView['relationships'][number]): RelationshipValues {
  return {
    enterpriseName: relationship.enterpriseName, enterpriseUscc: relationship.enterpriseUscc, kind: relationship.kind,
    since: relationship.since ? dayjs(relationship.since) : null, until: relationship.until ? dayjs(relationship.until) : null, note: relationship.note ?? '',
  };
}

/** The dialog's relationships as the API takes them. */
export function relationshipBodies(values: readonly RelationshipValues[]): Record<string, unknown>[] {
  return values.map((r) => ({
    enterpriseName: r.enterpriseName, enterpriseUscc: r.enterpriseUscc, kind: r.kind, since: r.since ? r.since.format('YYYY-MM-DD') : null,
    until: r.until ? r.until.format('YYYY-MM-DD') : null, note: r.note?.trim() || null,
  }));
}

/**
 * 关联关系: the enterprises the expert works for, worked or cooperated with in the last 3 years, advises, holds an
 * interest in, or where a close relative works — each by the enterprise's USCC, which the conflict rules compare.
 */
export function RelationshipFields() {
  return (
    <Form.List name="relationships">
      {(items, { add, remove }) => (
        <section aria-labelledby="expert-relationships-title">
          <Typography.Title level={2} id="expert-relationships-title" style={{ fontSize: 16 }}>关联关系</Typography.Title>
          <Typography.Paragraph type="secondary">
            申报企业与专家存在下列关系之一的，专家须回避：现任职、近 3 年曾任职或有合作、担任顾问、有利益关系、近亲属在该企业任职。
          </Typography.Paragraph>
          {items.map((item, index) => (
            <Card key={item.key} size="small" style={{ marginBottom: 12 }} title={`第 ${index + 1} 条`}
              extra={<Button size="small" onClick={() => remove(item.name)}>删除第 {index + 1} 条</Button>}>
              <div style={{ display: 'grid', gridTemplateColumns: '2fr 2fr 1fr', columnGap: 12 }}>
                <Form.Item label="企业名称" name={[item.name, 'enterpriseName']} rules={[{ required: true, whitespace: true, message: '请填写企业名称' }]}>
                  <Input />
                </Form.Item>
                <Form.Item label="企业统一社会信用代码" name={[item.name, 'enterpriseUscc']} rules={[{ required: true, whitespace: true, message: '请填写统一社会信用代码' }]}>
                  <Input maxLength={40} />
                </Form.Item>
                <Form.Item label="关系类型" name={[item.name, 'kind']} rules={[{ required: true, message: '请选择关系类型' }]}>
                  <Select options={relationshipKinds.map((k) => ({ value: k.kind, label: k.label }))} />
                </Form.Item>
                <Form.Item label="起始日期" name={[item.name, 'since']}>
                  <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item label="终止日期" name={[item.name, 'until']} extra="仍在持续的不填。">
                  <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item label="说明" name={[item.name, 'note']}>
                  <Input maxLength={500} />
                </Form.Item>
              </div>
            </Card>
          ))}
          <Button onClick={() => add({ enterpriseName: '', enterpriseUscc: '', since: null, until: null, note: '' })}>添加关联关系</Button>
        </section>
      )}
    </Form.List>
  );
}
