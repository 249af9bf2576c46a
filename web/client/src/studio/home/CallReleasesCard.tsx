import { Alert, Button, Card, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { messageOf, studioApi, type CallReleases, type ModelSummary } from '../studio-api.js';
import { MoveCallDialog } from './MoveCallDialog.js';

export interface CallProcessRow {
  callId: string;
  callName: string;
  processKey: string;
  releaseId: string | null;
  processDefinitionVersion: number | null;
}

/** Which deployed version of each process a call's new applications start on, and moving a call forward. */
export function CallReleasesCard({ models }: { models: ModelSummary[] | undefined }) {
  const [calls, setCalls] = useState<CallReleases[]>();
  const [error, setError] = useState<string>();
  const [moving, setMoving] = useState<CallProcessRow>();
  const reload = useCallback(() => {
    studioApi.calls().then(setCalls, (caught: unknown) => setError(messageOf(caught)));
  }, []);
  useEffect(reload, [reload]);
  const rows: CallProcessRow[] = (calls ?? []).flatMap((call) => call.releases.map((release) => ({ callId: call.callId, callName: call.name, ...release })));
  const nameOf = (processKey: string) => models?.find((model) => model.kind === 'process' && model.key === processKey)?.name ?? processKey;
  return (
    <Card title="申报批次使用的流程版本">
      <Typography.Paragraph type="secondary">批次的新申报按这里的版本启动；已在办的申报始终按启动时的版本办结。更新版本需要确认并填写说明，操作记入审计日志。</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} />}
      <Table<CallProcessRow>
        rowKey={(row) => `${row.callId}/${row.processKey}`}
        size="small"
        loading={calls === undefined && !error}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: '申报批次', dataIndex: 'callName' },
          { title: '流程', dataIndex: 'processKey', render: (key: string) => nameOf(key) },
          { title: '当前版本', dataIndex: 'processDefinitionVersion', render: (version: number | null) => (version === null ? '最新部署（未固定）' : `引擎版本 ${version}`) },
          {
            title: '操作',
            render: (_, row) => (
              <Button size="small" onClick={() => setMoving(row)} aria-label={`更新版本：${row.callName} ${nameOf(row.processKey)}`}>更新版本</Button>
            ),
          },
        ]}
      />
      {moving && (
        <MoveCallDialog row={moving} processName={nameOf(moving.processKey)}
          onClose={() => setMoving(undefined)}
          onMoved={() => {
            setMoving(undefined);
            reload();
          }} />
      )}
    </Card>
  );
}
