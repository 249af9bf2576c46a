import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Space, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { batchView } from '../../../server/schemas/batches.js';
import { noContent } from '../../../server/schemas/common.js';
import { api, messageOf } from '../api.js';
import { ExportButton } from '../components/dashboard/ExportButton.js';
import { LoadError } from '../components/dashboard/LoadError.js';
import { useRemote } from '../components/dashboard/use-remote.js';
import { BatchStatus } from '../components/unit/BatchStatus.js';
import { useChosenCall } from '../components/unit/use-chosen-call.js';
import { uploadFile } from '../uploads.js';
import { useVisiblePolling } from '../use-visible-polling.js';

/**
 * 推荐批次: the unit generates its 推荐表 (附件5) from its ranked recommendations (again after a change), downloads it
 * as Word and PDF, seals it, uploads the scan and submits it to the province before its deadline; and exports its
 * recommendations as Excel.
 */
export function UnitBatchPage() {
  const { message } = App.useApp();
  const { calls, callId, chooser } = useChosenCall();
  const batch = useRemote(callId && `/api/calls/${callId}/batch`, batchView);
  // The table the page waits to be replaced after 生成推荐表 (null: none yet); undefined when it waits for nothing.
  const [awaited, setAwaited] = useState<string | null>();
  const [scan, setScan] = useState<UploadFile>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<'prepare' | 'submit'>();
  const view = batch.data;
  const pending = awaited !== undefined && !(view && (view.state === 'submitted' || (view.state === 'ready' && view.tablePdfId !== awaited)));
  useVisiblePolling(async () => {
    const next = await batch.reload();
    if (next && (next.state === 'submitted' || (next.state === 'ready' && next.tablePdfId !== awaited))) setAwaited(undefined);
  }, 1500, pending || view?.state === 'rendering');

  async function prepare() {
    setBusy('prepare');
    setError(undefined);
    try {
      await api('POST', `/api/calls/${callId}/batch`, noContent);
      setAwaited(view?.tablePdfId ?? null);
      await batch.reload();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(undefined);
    }
  }

  async function submit() {
    const file = scan?.originFileObj;
    if (!file) return;
    setBusy('submit');
    setError(undefined);
    try {
      await api('POST', `/api/calls/${callId}/batch/submit`, noContent, { sealedTable: await uploadFile(file) });
      setScan(undefined);
      void message.success('已报送省厅');
      await batch.reload();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(undefined);
    }
  }

  if (calls.data && calls.data.length === 0) return <Card><Empty description="还没有申报批次。" /></Card>;
  const now = new Date();
  const submitted = view?.state === 'submitted';
  const ready = view?.state === 'ready' && !pending;
  const open = view ? now <= view.deadline : false;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} aria-busy={batch.loading && !view}>
      <Flex justify="space-between" align="center" wrap gap="middle">
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>推荐批次</Typography.Title>
        {chooser}
      </Flex>
      {calls.error && <LoadError what="申报批次" error={calls.error} onRetry={calls.reload} />}
      {batch.error && <LoadError what="推荐批次" error={batch.error} onRetry={batch.reload} />}
      {error && <Alert type="error" showIcon closable role="alert" title={error} onClose={() => setError(undefined)} />}
      {view && <BatchStatus batch={view} pending={pending} now={now} />}
      {view && callId && (
        <>
          <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>第一步：生成推荐表</Typography.Title>}>
            <Typography.Paragraph type="secondary">推荐表按市级项目库中的推荐项目及推荐排序生成；推荐项目、排序或意见有变化时，须重新生成并重新盖章。</Typography.Paragraph>
            <Space wrap>
              <Button type="primary" icon={view.state === 'not-prepared' ? undefined : <ReloadOutlined />} loading={busy === 'prepare' || pending}
                disabled={submitted || view.state === 'rendering' || pending} onClick={prepare}>
                {view.state === 'not-prepared' ? '生成推荐表' : '重新生成推荐表'}
              </Button>
              <ExportButton href={`/api/calls/${callId}/batch.xlsx`} label="导出推荐项目 Excel" />
            </Space>
          </Card>
          <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>第二步：下载推荐表，打印并加盖公章</Typography.Title>}>
            {view.tablePdfId || view.tableDocxId ? (
              <Space wrap>
                {view.tablePdfId && <Button icon={<DownloadOutlined />} href={`/api/attachments/${view.tablePdfId}`} disabled={pending}>下载推荐表（PDF）</Button>}
                {view.tableDocxId && <Button icon={<DownloadOutlined />} href={`/api/attachments/${view.tableDocxId}`} disabled={pending}>下载推荐表（Word）</Button>}
              </Space>
            ) : <Typography.Text type="secondary">推荐表生成后可在此下载。</Typography.Text>}
          </Card>
          <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>第三步：上传盖章扫描件并报送省厅</Typography.Title>}>
            {submitted ? (
              <Typography.Text>本单位的推荐批次已报送省厅{view.sealedScanId && <>（<a href={`/api/attachments/${view.sealedScanId}`}>盖章推荐表扫描件</a>）</>}。</Typography.Text>
            ) : (
              <Space orientation="vertical" size="middle">
                <div>
                  <label htmlFor="sealed-table" style={{ fontWeight: 600 }}>盖章的推荐表扫描件（PDF 或 JPG/PNG）</label>
                  <Upload id="sealed-table" accept=".pdf,.jpg,.jpeg,.png" maxCount={1} beforeUpload={() => false} fileList={scan ? [scan] : []}
                    onChange={({ fileList }) => setScan(fileList.at(-1))}>
                    <Button style={{ marginTop: 8 }} disabled={!ready}>选择文件</Button>
                  </Upload>
                </div>
                <Button type="primary" loading={busy === 'submit'} disabled={!ready || !scan || !open} onClick={submit}>上传并报送省厅</Button>
                {!ready && <Typography.Text type="secondary">请先生成推荐表，待生成完成后再上传盖章扫描件。</Typography.Text>}
              </Space>
            )}
          </Card>
        </>
      )}
    </Space>
  );
}
