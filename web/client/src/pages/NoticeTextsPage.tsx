import { Alert, App, Button, Card, Flex, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api, fieldsOf, messageOf, type FieldError } from '../api.js';
import { LoadError } from '../components/dashboard/LoadError.js';
import { useRemote } from '../components/dashboard/use-remote.js';
import { NoticePreview } from '../components/notice-texts/NoticePreview.js';
import { NoticeTextField } from '../components/notice-texts/NoticeTextField.js';
import { NoticeTextVersions } from '../components/notice-texts/NoticeTextVersions.js';
import { useDebounced } from '../use-debounced.js';
import { noticeTextsAnswer, noticeTextsPreview, noticeTextsSaved, type NoticeTextsAnswer, type NoticeTextsDraft, type NoticeTextsPreview } from '../../../server/schemas/notice-texts.js';

/**
 * 通知文字 (/calls/:callId/notices): every notice a call sends, with where it goes, each of its texts with the
 * placeholders it may use (insertable), a live preview with sample values as in-app message and mail, a save that
 * makes the call's next version (new notices are worded with it; those sent keep theirs), and the version history.
 */
export function NoticeTextsPage() {
  const { callId } = useParams();
  const { message } = App.useApp();
  const remote = useRemote(callId && `/api/calls/${callId}/notice-texts`, noticeTextsAnswer);
  const [answer, setAnswer] = useState<NoticeTextsAnswer>();
  const [draft, setDraft] = useState<NoticeTextsDraft>();
  const [preview, setPreview] = useState<NoticeTextsPreview>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<{ title: string; fields: FieldError[] }>();
  const show = (next: NoticeTextsAnswer) => {
    setAnswer(next);
    setDraft(next.texts);
  };
  useEffect(() => {
    if (remote.data) show(remote.data);
  }, [remote.data]);

  const previewing = useDebounced(async (texts: NoticeTextsDraft) => {
    try {
      setPreview(await api('POST', `/api/calls/${callId}/notice-texts/preview`, noticeTextsPreview, { texts }));
    } catch {
      // The preview is a help; the save reports what is wrong.
    }
  }, 300);
  useEffect(() => {
    if (draft) previewing.schedule(draft);
  }, [draft, previewing]);

  const changed = answer !== undefined && draft !== undefined && JSON.stringify(draft) !== JSON.stringify(answer.texts);

  async function save() {
    if (!answer || !draft) return;
    setSaving(true);
    setRefusal(undefined);
    try {
      const saved = await api('PUT', `/api/calls/${callId}/notice-texts`, noticeTextsSaved, { baseVersion: answer.version, texts: draft });
      show(saved);
      if (saved.saved) message.success(`通知文字已保存为第 ${saved.version} 版，此后发出的通知使用新文字`);
      else message.info(`内容没有变化，仍为第 ${saved.version} 版`);
    } catch (e) {
      setRefusal({ title: `未保存：${messageOf(e)}`, fields: fieldsOf(e) });
    } finally {
      setSaving(false);
    }
  }

  const problemsOf = (key: string) => [
    ...(preview?.problems.filter((p) => p.key === key).map((p) => p.message) ?? []),
    ...(refusal?.fields.filter((f) => f.path === `body.texts.${key}`).map((f) => f.message) ?? []),
  ].filter((m, i, all) => all.indexOf(m) === i);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} aria-busy={remote.loading || saving}>
      <Flex justify="space-between" align="center" wrap gap="middle">
        <div>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>通知文字</Typography.Title>
          {answer && <Typography.Text type="secondary">{answer.callTitle} · 当前为第 {answer.version} 版</Typography.Text>}
        </div>
        <Flex gap="middle">
          <Button type="primary" loading={saving} disabled={!changed} onClick={save}>保存为新版本</Button>
          <Button disabled={!changed || saving} onClick={() => answer && setDraft(answer.texts)}>撤销修改</Button>
        </Flex>
      </Flex>
      {remote.error && <LoadError what="通知文字" error={remote.error} onRetry={remote.reload} />}
      <Typography.Text type="secondary">
        用花括号写占位符（如 {'{projectName}'}），发送时换成实际内容；每段文字只能用其下方列出的占位符。保存后，此后发出的通知使用新版本，已发出的通知保留当时的版本。
      </Typography.Text>
      {refusal && (
        <Alert type="error" showIcon title={refusal.title} closable onClose={() => setRefusal(undefined)}
          description={refusal.fields.length ? <ul style={{ margin: 0 }} aria-label="未保存的原因">{refusal.fields.map((f) => <li key={f.path}>{f.message}</li>)}</ul> : undefined} />
      )}
      {answer && draft && answer.notices.map((notice) => (
        <Card key={notice.kind} title={notice.name} size="small">
          <Typography.Paragraph type="secondary">发送给：{notice.sentTo}</Typography.Paragraph>
          <Flex gap="large" wrap>
            <Flex vertical gap="middle" style={{ flex: '1 1 480px', minWidth: 0 }}>
              {answer.catalogue.filter((entry) => entry.notice === notice.kind).map((entry) => (
                <NoticeTextField key={entry.key} entry={entry} label={`${notice.name}·${entry.name}`} value={draft[entry.key]} problems={problemsOf(entry.key)}
                  onChange={(text) => setDraft((texts) => texts && { ...texts, [entry.key]: text })} />
              ))}
            </Flex>
            <div style={{ flex: '1 1 400px', minWidth: 0 }}>
              <NoticePreview samples={preview?.samples.filter((s) => s.notice === notice.kind) ?? []} />
            </div>
          </Flex>
        </Card>
      ))}
      {answer && <NoticeTextVersions answer={answer} onTake={(texts) => setDraft(texts)} />}
    </Space>
  );
}
