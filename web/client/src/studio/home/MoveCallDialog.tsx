import { Alert, Descriptions, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { CommentDialog } from '../shared/CommentDialog.js';
import { messageOf, studioApi, type Release } from '../studio-api.js';
import type { CallProcessRow } from './CallReleasesCard.js';

interface Props {
  row: CallProcessRow;
  processName: string;
  onClose(): void;
  onMoved(): void;
}

/** Moves one call's process forward to a newer release, after a confirmation with a comment. */
export function MoveCallDialog({ row, processName, onClose, onMoved }: Props) {
  const [releases, setReleases] = useState<Release[]>();
  const [chosen, setChosen] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    studioApi.releases(row.processKey).then((all) => {
      const newer = all.filter((release) => row.processDefinitionVersion === null || release.processDefinitionVersion > row.processDefinitionVersion);
      setReleases(newer);
      setChosen(newer.toSorted((a, b) => b.processDefinitionVersion - a.processDefinitionVersion)[0]?.id);
    }, (caught: unknown) => setError(messageOf(caught)));
  }, [row]);
  const release = releases?.find((candidate) => candidate.id === chosen);
  return (
    <CommentDialog open title={`更新版本：${row.callName}`} okText="确认更新" onClose={onClose}
      onSubmit={async (comment) => {
        if (!chosen) throw new Error('请选择要使用的版本');
        await studioApi.moveCall(row.callId, row.processKey, { releaseId: chosen, comment });
        onMoved();
      }}>
      <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
        <Typography.Text>流程「{processName}」当前使用{row.processDefinitionVersion === null ? '最新部署的版本（未固定）' : `引擎版本 ${row.processDefinitionVersion}`}。此后该批次的新申报将按所选版本启动，已在办的申报不受影响。</Typography.Text>
        {error && <Alert type="error" showIcon message={error} />}
        {releases && !releases.length && <Alert type="info" showIcon message="没有比当前更新的已部署版本。请先在流程编辑器中部署。" />}
        {releases && releases.length > 0 && (
          <>
            <label htmlFor="move-call-release">更新到</label>
            <Select id="move-call-release" value={chosen} onChange={setChosen} style={{ width: '100%' }}
              options={releases.map((candidate) => ({ value: candidate.id, label: `引擎版本 ${candidate.processDefinitionVersion}（${dayjs(candidate.deployedAt).format('YYYY-MM-DD HH:mm')}，${candidate.comment}）` }))} />
          </>
        )}
        {release && (
          <Descriptions size="small" column={1} bordered items={[
            { key: 'by', label: '部署人', children: release.deployedBy },
            { key: 'members', label: '包含', children: release.members.map((member) => `${member.key} 第${member.version}版`).join('，') },
          ]} />
        )}
      </Space>
    </CommentDialog>
  );
}
