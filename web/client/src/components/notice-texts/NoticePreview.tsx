import { Card, Flex, Typography } from 'antd';
import type { NoticeTextsPreview } from '../../../../server/schemas/notice-texts.js';

type Sample = NoticeTextsPreview['samples'][number];

const pre = { whiteSpace: 'pre-wrap', margin: 0, fontFamily: 'inherit' } as const;

/** How a notice reads with sample values: the in-app message and, for a mailed notice, the mail. */
export function NoticePreview({ samples }: { samples: Sample[] }) {
  return (
    <Flex vertical gap="small">
      {samples.map((sample) => (
        <Card key={sample.example} size="small" title={`预览：${sample.example}`}>
          <Flex gap="middle" wrap>
            <section style={{ flex: '1 1 320px', minWidth: 0 }} aria-label={`${sample.example}的站内消息`}>
              <Typography.Text type="secondary">站内消息</Typography.Text>
              <Typography.Paragraph strong style={{ margin: '4px 0' }}>{sample.inApp.title}</Typography.Paragraph>
              <pre style={pre}>{sample.inApp.body}</pre>
            </section>
            {sample.mail && (
              <section style={{ flex: '1 1 320px', minWidth: 0 }} aria-label={`${sample.example}的邮件`}>
                <Typography.Text type="secondary">邮件</Typography.Text>
                <Typography.Paragraph style={{ margin: '4px 0' }}>主题：{sample.mail.subject}</Typography.Paragraph>
                <pre style={pre}>{sample.mail.body}</pre>
              </section>
            )}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
