import { Empty, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { TaskAttachment } from '../tasks.js';

const download = (id: string) => `/api/attachments/${id}`;
const inline = (id: string) => `/api/attachments/${id}?disposition=inline`;

/**
 * The files of a task's subject: pick one to see it in the page (a PDF in the browser's own viewer, an image as
 * such); Word files and the like are offered for download only.
 */
export function AttachmentPreview({ attachments }: { attachments: readonly TaskAttachment[] }) {
  const [selected, setSelected] = useState<string>();
  useEffect(() => setSelected(attachments.find((a) => a.previewable)?.id ?? attachments[0]?.id), [attachments]);
  if (!attachments.length) return <Empty description="暂无附件" />;
  const shown = attachments.find((a) => a.id === selected);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Radio.Group aria-label="选择要预览的附件" value={selected} onChange={(event) => setSelected(event.target.value as string)}>
        <Space orientation="vertical">
          {attachments.map((a) => (
            <Radio key={a.id} value={a.id}>
              {a.label}：{a.fileName}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      {shown && (
        <div>
          {shown.previewable && shown.mediaType === 'application/pdf' && (
            <iframe title={`预览：${shown.fileName}`} src={inline(shown.id)} style={{ width: '100%', height: 520, border: '1px solid #d9d9d9', borderRadius: 6 }} />
          )}
          {shown.previewable && shown.mediaType.startsWith('image/') && (
            <img alt={`${shown.label}：${shown.fileName}`} src={inline(shown.id)} style={{ maxWidth: '100%', maxHeight: 520, display: 'block' }} />
          )}
          {!shown.previewable && <Typography.Paragraph>此类文件不能在页面中预览，请下载后查看。</Typography.Paragraph>}
          <a href={download(shown.id)}>下载 {shown.fileName}</a>
        </div>
      )}
    </Space>
  );
}
