import { Space } from 'antd';

/** A letter's files as download links (the server lets only the letter's writer and recipients have them). */
export function MessageAttachments({ files }: { files: readonly { id: string; fileName: string }[] }) {
  if (!files.length) return null;
  return (
    <Space wrap aria-label="附件">
      附件：
      {files.map((file) => <a key={file.id} href={`/api/attachments/${file.id}`} download={file.fileName}>{file.fileName}</a>)}
    </Space>
  );
}
