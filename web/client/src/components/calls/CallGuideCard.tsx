import { Button, Card, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import type { CallSettings } from '../../../../server/schemas/calls.js';
import { FieldProblems } from './FieldProblems.js';
import { useCallChange } from './use-call-change.js';

/** 基本信息与指南: the call's title and the guide the portal shows. */
export function CallGuideCard({ settings, readOnly, onSaved }: { settings: CallSettings; readOnly: boolean; onSaved(next: CallSettings): void }) {
  const [title, setTitle] = useState(settings.title);
  const [guide, setGuide] = useState(settings.guide);
  const change = useCallChange(onSaved);
  useEffect(() => {
    setTitle(settings.title);
    setGuide(settings.guide);
  }, [settings]);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>基本信息与指南</h2>}>
      <Form layout="vertical" disabled={readOnly}>
        <Form.Item label="批次名称" htmlFor="call-title"><Input id="call-title" value={title} onChange={(e) => setTitle(e.target.value)} /></Form.Item>
        <Form.Item label="申报指南" htmlFor="call-guide"><Input.TextArea id="call-guide" autoSize={{ minRows: 4, maxRows: 12 }} value={guide} onChange={(e) => setGuide(e.target.value)} /></Form.Item>
      </Form>
      {!readOnly && <Button type="primary" loading={change.busy} onClick={() => change.send('PUT', `/api/calls/${settings.id}/guide`, '基本信息与指南已保存', { title, guide })}>保存基本信息</Button>}
      {change.problem && <div style={{ marginTop: 12 }}><FieldProblems {...change.problem} /></div>}
    </Card>
  );
}
