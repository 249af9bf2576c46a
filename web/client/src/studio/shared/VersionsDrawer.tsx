import { Alert, Button, Drawer, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import { tagColors } from '../../labels.js';
import { messageOf, studioApi, type ModelKind, type VersionSummary } from '../studio-api.js';
import { CommentDialog } from './CommentDialog.js';
import { ReleasesTable } from './ReleasesTable.js';
import { TextDiff } from './TextDiff.js';

interface Props {
  open: boolean;
  kind: ModelKind;
  modelKey: string;
  onClose(): void;
  onRestored(): void;
  visualDiff?(oldId: string, newId: string): ReactNode;
}

const sourceLabels: Record<string, string> = { shipped: '随系统发布', studio: '在线编辑', import: '导入文件', restore: '恢复旧版本' };

/** Every saved version of a model: compare two, restore one, export one; for a process its releases too. */
export function VersionsDrawer({ open, kind, modelKey, onClose, onRestored, visualDiff }: Props) {
  const [versions, setVersions] = useState<VersionSummary[]>();
  const [error, setError] = useState<string>();
  const [older, setOlder] = useState<string>();
  const [newer, setNewer] = useState<string>();
  const [comparing, setComparing] = useState<'text' | 'visual'>();
  const [restoring, setRestoring] = useState<VersionSummary>();
  useEffect(() => {
    if (!open) return;
    studioApi.versions(kind, modelKey).then((found) => {
      setVersions(found);
      setNewer(found[0]?.id);
      setOlder(found[1]?.id);
    }, (caught: unknown) => setError(messageOf(caught)));
  }, [open, kind, modelKey]);
  const options = (versions ?? []).map((version) => ({ value: version.id, label: `第 ${version.version} 版（${dayjs(version.createdAt).format('YYYY-MM-DD HH:mm')}）` }));
  const label = (id: string | undefined) => options.find((option) => option.value === id)?.label ?? '';
  const versionList = (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon message={error} />}
      <Space wrap>
        <label htmlFor="studio-diff-older">比较</label>
        <Select id="studio-diff-older" aria-label="较早的版本" value={older} onChange={setOlder} options={options} style={{ width: 220 }} />
        <label htmlFor="studio-diff-newer">与</label>
        <Select id="studio-diff-newer" aria-label="较新的版本" value={newer} onChange={setNewer} options={options} style={{ width: 220 }} />
        <Button disabled={!older || !newer || older === newer} onClick={() => setComparing('text')}>文本对比</Button>
        {visualDiff && <Button disabled={!older || !newer || older === newer} onClick={() => setComparing('visual')}>图形对比</Button>}
      </Space>
      <Table<VersionSummary>
        rowKey="id"
        size="small"
        loading={versions === undefined && !error}
        dataSource={versions}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '版本', dataIndex: 'version', render: (version: number) => `第 ${version} 版` },
          { title: '保存人', dataIndex: 'authorName' },
          { title: '时间', dataIndex: 'createdAt', render: (at: Date) => dayjs(at).format('YYYY-MM-DD HH:mm') },
          { title: '说明', dataIndex: 'comment' },
          { title: '来源', dataIndex: 'source', render: (source: string) => sourceLabels[source] ?? source },
          { title: '部署', dataIndex: 'releases', render: (releases: VersionSummary['releases']) => (releases.length ? <Tag color={tagColors.good}>已部署 {releases.length} 次</Tag> : null) },
          {
            title: '操作',
            render: (_, version, index) => (
              <Space size={0}>
                <Button type="link" size="small" disabled={index === 0} onClick={() => setRestoring(version)} aria-label={`恢复第 ${version.version} 版`}>恢复</Button>
                <Button type="link" size="small" href={studioApi.fileUrl(version.id)} aria-label={`导出第 ${version.version} 版`}>导出</Button>
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
  return (
    <Drawer open={open} onClose={onClose} title="版本历史" size={880} destroyOnHidden>
      {kind === 'process'
        ? <Tabs items={[{ key: 'versions', label: '版本', children: versionList }, { key: 'releases', label: '部署与运行中的实例', children: <ReleasesTable processKey={modelKey} /> }]} />
        : versionList}
      <Modal open={comparing === 'text'} title={`文本对比：${label(older)} → ${label(newer)}`} footer={null} width="90vw" onCancel={() => setComparing(undefined)} destroyOnHidden>
        {comparing === 'text' && older && newer && <TextDiff olderId={older} newerId={newer} />}
      </Modal>
      <Modal open={comparing === 'visual'} title={`图形对比：${label(older)} → ${label(newer)}`} footer={null} width="96vw" style={{ top: 16 }} onCancel={() => setComparing(undefined)} destroyOnHidden>
        {comparing === 'visual' && older && newer && visualDiff?.(older, newer)}
      </Modal>
      <CommentDialog open={!!restoring} title={`恢复第 ${restoring?.version ?? ''} 版`} okText="恢复为新版本" onClose={() => setRestoring(undefined)}
        onSubmit={async (comment) => {
          await studioApi.restore(restoring!.id, comment);
          setRestoring(undefined);
          onRestored();
        }}>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="恢复会把该版本的内容保存为一个新版本，历史版本都会保留；编辑器中未保存的修改将被替换。" />
      </CommentDialog>
    </Drawer>
  );
}
