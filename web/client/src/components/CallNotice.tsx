import { Card, Descriptions, List, Typography } from 'antd';
import type { CallSummary } from '../../../server/schemas/applications.js';
import { beijingTime as at } from '../tasks.js';

/** 申报通知: what the province published for a call — the guide, the deadlines, whom to ask, and the files to download. */
export function CallNotice({ call }: { call: CallSummary }) {
  const headingId = `call-${call.id}-title`;
  return (
    <Card title={<span id={headingId}>{call.title}</span>}>
      <section aria-labelledby={headingId}>
        <Descriptions bordered column={1} size="small" items={[
          { key: 'opens', label: '申报开始时间', children: at(call.opensAt) },
          { key: 'deadline', label: '企业申报截止时间', children: at(call.enterpriseDeadline) },
          ...(call.unitDeadline ? [{ key: 'unit', label: `${call.unitDeadline.unitName}规定的截止时间`, children: <Typography.Text strong>{at(call.unitDeadline.enterpriseDeadline)}（以此为准）</Typography.Text> }] : []),
        ]} />
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>申报指南</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{call.guide}</Typography.Paragraph>
        {!!call.contacts.length && (
          <>
            <Typography.Title level={2} style={{ fontSize: 16 }}>联系方式</Typography.Title>
            <List size="small" dataSource={call.contacts} renderItem={(contact) => (
              <List.Item>
                <span>
                  {contact.role && <Typography.Text strong>{contact.role}：</Typography.Text>}
                  {[contact.name, contact.phone && `电话 ${contact.phone}`, contact.email && `邮箱 ${contact.email}`, contact.address && `地址 ${contact.address}`].filter(Boolean).join('，')}
                </span>
              </List.Item>
            )} />
          </>
        )}
        {!!call.downloads.length && (
          <>
            <Typography.Title level={2} style={{ fontSize: 16 }}>附件下载</Typography.Title>
            <List size="small" dataSource={call.downloads} renderItem={(download) => (
              <List.Item><a href={download.url} target="_blank" rel="noopener noreferrer">{download.title}</a></List.Item>
            )} />
          </>
        )}
      </section>
    </Card>
  );
}
