import { Alert, App, Button, Card, Empty, InputNumber, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { noContent } from '../../../../server/schemas/common.js';
import type { LibraryEntry } from '../../../../server/schemas/recommendations.js';
import { api, messageOf } from '../../api.js';

type Recommended = LibraryEntry & { recommendation: NonNullable<LibraryEntry['recommendation']> };

/**
 * 推荐排序: the unit's recommendations by rank (the order of the 推荐表); the reviewer numbers them and saves, and the
 * list goes to the server in the new order (equal numbers keep their current order).
 */
export function RecommendationRanking({ callId, entries, onSaved }: { callId: string; entries: readonly LibraryEntry[]; onSaved(): Promise<unknown> }) {
  const { message } = App.useApp();
  const recommended = entries.filter((e): e is Recommended => e.recommendation !== null).sort((a, b) => a.recommendation.rank - b.recommendation.rank);
  const [numbers, setNumbers] = useState<Record<string, number>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const key = recommended.map((e) => `${e.applicationId}:${e.recommendation.rank}`).join();
  useEffect(() => setNumbers({}), [key]);
  const numberOf = (e: Recommended) => numbers[e.applicationId] ?? e.recommendation.rank;
  const changed = recommended.some((e) => numberOf(e) !== e.recommendation.rank);

  async function save() {
    const ordered = [...recommended].sort((a, b) => numberOf(a) - numberOf(b) || a.recommendation.rank - b.recommendation.rank);
    setBusy(true);
    setError(undefined);
    try {
      await api('PUT', `/api/calls/${callId}/recommendations/ranking`, noContent, { applicationIds: ordered.map((e) => e.applicationId) });
      await onSaved();
      void message.success('推荐排序已保存');
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>推荐排序</Typography.Title>}
      extra={<Button type="primary" loading={busy} disabled={!changed} onClick={save}>保存排序</Button>}>
      <Typography.Paragraph type="secondary">推荐表按此顺序列出本单位推荐的项目（1 为第一位）。修改序号后点击“保存排序”；排序变化后须重新生成推荐表。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<Recommended>
        rowKey="applicationId"
        size="small"
        pagination={false}
        dataSource={recommended}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未推荐项目。在上方项目库中填写推荐单位意见并点击“推荐”。" /> }}
        columns={[
          {
            title: '推荐排序', key: 'rank', width: 120,
            render: (_, e) => <InputNumber min={1} max={recommended.length} precision={0} value={numberOf(e)} aria-label={`${e.projectName}的推荐排序`}
              onChange={(value) => setNumbers((current) => ({ ...current, [e.applicationId]: value ?? e.recommendation.rank }))} />,
          },
          { title: '项目名称', dataIndex: 'projectName' },
          { title: '申报企业', dataIndex: 'enterpriseName' },
          { title: '推荐单位意见', key: 'opinion', render: (_, e) => e.recommendation.opinion },
        ]}
      />
    </Card>
  );
}
