import { Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { CallSettings } from '../../../../server/schemas/calls.js';
import { CallStateTag } from './call-state.js';
import { FieldProblems } from './FieldProblems.js';
import { useCallChange } from './use-call-change.js';

/** 发布/关闭: a draft is published for applicants; a published call may be closed early, with a reason. */
export function CallStateCard({ settings, readOnly, onSaved }: { settings: CallSettings; readOnly: boolean; onSaved(next: CallSettings): void }) {
  const [reason, setReason] = useState('');
  const change = useCallChange(onSaved);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>发布与关闭</h2>}>
      <Space orientation="vertical">
        <span>当前状态：<CallStateTag state={settings.state} /></span>
        {settings.state === 'draft' && <Typography.Text>草稿批次对企业不可见。发布后，企业可在申报时间内申报。</Typography.Text>}
        {settings.state === 'closed' && <Typography.Text>本批次已提前关闭，不再接受新的申报。</Typography.Text>}
        {!readOnly && settings.state === 'draft' && <Button type="primary" loading={change.busy} onClick={() => change.send('POST', `/api/calls/${settings.id}/open`, '批次已发布')}>发布批次</Button>}
        {!readOnly && settings.state === 'published' && (
          <Space wrap>
            <Input aria-label="关闭原因" placeholder="关闭原因" style={{ width: 320 }} value={reason} onChange={(e) => setReason(e.target.value)} />
            <Button loading={change.busy} onClick={() => change.send('POST', `/api/calls/${settings.id}/close`, '批次已关闭', { reason })}>提前关闭批次</Button>
          </Space>
        )}
        {change.problem && <FieldProblems {...change.problem} />}
      </Space>
    </Card>
  );
}
