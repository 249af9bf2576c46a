import { Alert, Button, Card, List, Space, Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { applicationDocuments, sealedScansStep, type ApplicationDocument, type SealedScans } from '../../../server/schemas/applications.js';
import { noContent } from '../../../server/schemas/common.js';
import { api, messageOf } from '../api.js';
import { beijingTime as at } from '../tasks.js';
import { uploadFile } from '../uploads.js';

type ScanKey = keyof SealedScans;

/** 上传盖章材料: download the generated 申报材料 and 承诺书, print, seal, and upload the scans before the due date. */
export function SealedScansPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const [documents, setDocuments] = useState<ApplicationDocument[]>([]);
  const [dueDate, setDueDate] = useState<string | null>();
  const [files, setFiles] = useState<Partial<Record<ScanKey, UploadFile>>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const fail = (e: unknown) => setError(messageOf(e));
    api('GET', `/api/applications/${id}/documents`, applicationDocuments).then((all) => setDocuments(all.filter((d) => d.kind === 'materials' || d.kind === 'commitment')), fail);
    api('GET', `/api/applications/${id}/sealed-scans`, sealedScansStep).then((step) => setDueDate(step.dueDate), fail);
  }, [id]);

  async function submit() {
    const materials = files.sealedMaterials?.originFileObj;
    const commitment = files.sealedCommitment?.originFileObj;
    if (!materials || !commitment) return;
    setBusy(true);
    setError(undefined);
    try {
      const scans: SealedScans = { sealedMaterials: await uploadFile(materials), sealedCommitment: await uploadFile(commitment) };
      await api('POST', `/api/applications/${id}/sealed-scans`, noContent, scans);
      navigate(`/applications/${id}`);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  // antd's Upload only picks here: both scans go up together when the applicant submits, so nothing is stored for
  // a step that is not completed.
  const picker = (key: ScanKey, label: string) => (
    <div>
      <label htmlFor={key} style={{ fontWeight: 600 }}>{label}</label>
      <Upload id={key} accept=".pdf,.jpg,.jpeg,.png" maxCount={1} beforeUpload={() => false}
        fileList={files[key] ? [files[key]] : []}
        onChange={({ fileList }) => setFiles((current) => ({ ...current, [key]: fileList.at(-1) }))}>
        <Button style={{ marginTop: 8 }}>选择文件</Button>
      </Upload>
    </div>
  );

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>上传盖章材料</Typography.Title>
      {dueDate && <Alert type="warning" showIcon message={`请于 ${at(dueDate)} 前上传盖章材料，逾期视为撤回申报。`} />}
      {error && <Alert type="error" showIcon message={error} />}
      <Card title="第一步：下载并打印">
        <List dataSource={documents} renderItem={(doc) => <List.Item><a href={`/api/attachments/${doc.attachmentId}`}>{doc.fileName}</a></List.Item>} />
      </Card>
      <Card title="第二步：加盖企业公章后扫描上传（PDF 或 JPG/PNG）">
        <Space direction="vertical" size="middle">
          {picker('sealedMaterials', '盖章的申报材料扫描件')}
          {picker('sealedCommitment', '盖章的承诺书扫描件')}
          <Button type="primary" loading={busy} disabled={!files.sealedMaterials || !files.sealedCommitment} onClick={submit}>上传并提交，送市级初审</Button>
        </Space>
      </Card>
    </Space>
  );
}
