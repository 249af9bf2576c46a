import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Input, List, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { CallSettings } from '../../../../server/schemas/calls.js';
import { FieldProblems } from './FieldProblems.js';
import { useCallChange } from './use-call-change.js';

/** 下载文件: the files applicants download (uploaded here, served by the server) and the call's link downloads. */
export function CallDownloadsCard({ settings, readOnly, onSaved }: { settings: CallSettings; readOnly: boolean; onSaved(next: CallSettings): void }) {
  const [title, setTitle] = useState('');
  const change = useCallChange(onSaved);
  const upload = async (file: File) => {
    const form = new FormData();
    form.set('title', title.trim() || file.name.replace(/\.[^.]+$/, ''));
    form.set('file', file, file.name);
    if (await change.upload(`/api/calls/${settings.id}/downloads`, form, `已上传 ${file.name}`)) setTitle('');
  };
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>下载文件</h2>}>
      {!settings.files.length && <Typography.Paragraph>还没有上传下载文件。</Typography.Paragraph>}
      {!!settings.files.length && <List size="small" dataSource={settings.files} renderItem={(file) => (
        <List.Item actions={readOnly ? [] : [<Button key="remove" danger={false} loading={change.busy} onClick={() => change.send('DELETE', file.url, `已删除 ${file.title}`)}>删除</Button>]}>
          <a href={file.url} download>{file.title}</a>
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{file.fileName}，{Math.max(1, Math.round(file.sizeBytes / 1024))} KB</Typography.Text>
        </List.Item>
      )} />}
      {!readOnly && (
        <Space wrap style={{ marginTop: 12 }}>
          <Input aria-label="下载文件标题" placeholder="标题（如：附件2 申报材料-模式应用类）" style={{ width: 360 }} value={title} onChange={(e) => setTitle(e.target.value)} />
          <Upload accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png" showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }}>
            <Button icon={<UploadOutlined />} loading={change.busy}>上传文件</Button>
          </Upload>
        </Space>
      )}
      {change.problem && <div style={{ marginTop: 12 }}><FieldProblems {...change.problem} /></div>}
      {!!settings.links.length && (
        <>
          <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>链接下载</Typography.Title>
          <List size="small" dataSource={settings.links} renderItem={(link) => <List.Item><a href={link.url} target="_blank" rel="noopener noreferrer">{link.title}</a></List.Item>} />
        </>
      )}
    </Card>
  );
}
