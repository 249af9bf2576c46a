import { Alert, Button, Card, List, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../api.js';
import { uploadFile, type AttachmentReference } from '../uploads.js';

interface Document { kind: string; format: string; attachmentId: string; fileName: string }

/** 上传盖章材料: download the generated 申报材料 and 承诺书, print, seal, and upload the scans. */
export function SealedScansPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const [documents, setDocuments] = useState<Document[]>([]);
  const [files, setFiles] = useState<{ sealedMaterials?: File; sealedCommitment?: File }>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api<Document[]>('GET', `/api/applications/${id}/documents`).then((all) => setDocuments(all.filter((d) => d.kind === 'materials' || d.kind === 'commitment')), (e: ApiError) => setError(e.message));
  }, [id]);

  async function submit() {
    if (!files.sealedMaterials || !files.sealedCommitment) return;
    setBusy(true);
    try {
      const scans: Record<string, AttachmentReference> = {
        sealedMaterials: await uploadFile(files.sealedMaterials),
        sealedCommitment: await uploadFile(files.sealedCommitment),
      };
      await api('POST', `/api/applications/${id}/sealed-scans`, scans);
      navigate(`/applications/${id}`);
    } catch (caught) {
      setError((caught as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  const picker = (key: 'sealedMaterials' | 'sealedCommitment', label: string) => (
    <div>
      <label htmlFor={key}>{label}</label>{' '}
      <input id={key} type="file" accept=".pdf,.jpg,.jpeg,.png" onChange={(e) => setFiles((current) => ({ ...current, [key]: e.target.files?.[0] }))} />
    </div>
  );

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>上传盖章材料</Typography.Title>
      {error && <Alert type="error" showIcon message={error} />}
      <Card title="第一步：下载并打印">
        <List dataSource={documents} renderItem={(doc) => <List.Item><a href={`/api/attachments/${doc.attachmentId}`}>{doc.fileName}</a></List.Item>} />
      </Card>
      <Card title="第二步：加盖企业公章后扫描上传（PDF 或 JPG/PNG）">
        <Space direction="vertical">
          {picker('sealedMaterials', '盖章的申报材料扫描件')}
          {picker('sealedCommitment', '盖章的承诺书扫描件')}
          <Button type="primary" loading={busy} disabled={!files.sealedMaterials || !files.sealedCommitment} onClick={submit}>提交，送市级初审</Button>
        </Space>
      </Card>
    </Space>
  );
}
