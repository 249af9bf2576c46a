import { Alert, App, Button, Space, Tag, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { tagColors } from '../../labels.js';
import { kindLabels, studioApi, type ModelKind, type Problem } from '../studio-api.js';
import { CommentDialog } from './CommentDialog.js';
import type { ModelDocument } from './use-model-document.js';
import { VersionsDrawer } from './VersionsDrawer.js';

interface Props {
  kind: ModelKind;
  model: ModelDocument;
  /** Whether the editor shows changes that are not saved yet. */
  dirty: boolean;
  /** The editor's content as the file it saves (XML or form JSON). */
  getContent(): Promise<string>;
  onSaved(result: { version: number; problems: Problem[] }): void;
  /** More buttons in the toolbar (the process editor's deploy). */
  actions?: ReactNode;
  /** The visual comparison of two versions, where the kind has one. */
  visualDiff?(oldId: string, newId: string): ReactNode;
  children: ReactNode;
}

/** The frame every studio editor shares: title, version, save with a comment, the versions drawer, export. */
export function EditorFrame({ kind, model, dirty, getContent, onSaved, actions, visualDiff, children }: Props) {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const { summary, version, error } = model;
  // A link from further down the studio's home (an import) would otherwise open the editor scrolled past its top.
  // (Braces: chromium's scrollTo answers a promise, which React would take for a clean-up function.)
  useEffect(() => {
    window.scrollTo(0, 0);
  }, []);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div className="studio-toolbar">
        <Space wrap align="center">
          <Link to="/studio">流程与表单设计</Link>
          <Typography.Text aria-hidden>/</Typography.Text>
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{kindLabels[kind]}：{summary?.name ?? '…'}</Typography.Title>
          {version && <Tag color={tagColors.info}>第 {version.version} 版</Tag>}
          {dirty && <Tag color={tagColors.notice}>有未保存的修改</Tag>}
        </Space>
        <Space wrap>
          <Button type="primary" disabled={!version} onClick={() => setSaving(true)}>保存</Button>
          {actions}
          <Button disabled={!summary} onClick={() => setVersionsOpen(true)}>版本历史</Button>
          <Button disabled={!version} href={version ? studioApi.fileUrl(version.id) : undefined}>导出文件</Button>
        </Space>
      </div>
      {error && <Alert type="error" showIcon message={error} />}
      {children}
      <CommentDialog open={saving} title={`保存${kindLabels[kind]}的新版本`} okText="保存" onClose={() => setSaving(false)}
        onSubmit={async (comment) => {
          const saved = await model.save(await getContent(), comment);
          setSaving(false);
          message.success(`已保存为第 ${saved.version} 版`);
          onSaved(saved);
        }} />
      {summary && (
        <VersionsDrawer open={versionsOpen} kind={kind} modelKey={summary.key} onClose={() => setVersionsOpen(false)}
          onRestored={() => { setVersionsOpen(false); void model.reload(); }} visualDiff={visualDiff} />
      )}
    </Space>
  );
}
