// 新建评审会: the officer picks a call, names the session, optionally narrows it to one direction, picks the library
// projects it reviews (在库, in no session yet), the panel size, the same-area conflict rule and the optional limits.
import { Alert, Form, Input, InputNumber, Modal, Select, Switch, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import type { CallSummary } from '../../../../server/schemas/applications.js';
import { callDirectionsView } from '../../../../server/schemas/call-directions.js';
import { newReviewSession, reviewCandidates } from '../../../../server/schemas/review-sessions.js';
import { api, fieldsOf, messageOf, type FieldError } from '../../api.js';
import { useRemote } from '../dashboard/use-remote.js';
import { ProblemList } from '../ProblemList.js';
import { selectAllTitle } from './select-all-title.js';

/** The answer of POST /api/review-sessions (201). */
const sessionCreated = z.object({ sessionId: z.uuid() });

type Candidate = z.infer<typeof reviewCandidates>['projects'][number];

interface Values {
  callId?: string;
  name: string;
  direction?: string;
  panelSize: number;
  excludeSameUnit: boolean;
  limitPerDirection?: number | null;
  limitPerUnit?: number | null;
}

/** The creation dialog; `onCreated` gets the new session's id. Rendered only while open. */
export function NewSessionDialog({ calls, onClose, onCreated }: { calls: readonly CallSummary[]; onClose(): void; onCreated(sessionId: string): void }) {
  const [form] = Form.useForm<Values>();
  const callId = Form.useWatch('callId', form);
  const direction = Form.useWatch('direction', form);
  const directions = useRemote(callId ? `/api/calls/${callId}/directions` : undefined, callDirectionsView);
  const candidates = useRemote(callId ? `/api/review-sessions/candidates?callId=${encodeURIComponent(callId)}` : undefined, reviewCandidates);
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; fields: FieldError[] }>();
  const shown = (candidates.data?.projects ?? []).filter((p) => !direction || p.direction === direction);
  const shownKey = shown.map((p) => p.projectId).join();
  // Projects outside the chosen call or direction cannot stay chosen.
  useEffect(() => setSelected((current) => current.filter((id) => shown.some((p) => p.projectId === id))), [shownKey]);
  const newest = [...calls].sort((a, b) => b.year - a.year || b.opensAt.getTime() - a.opensAt.getTime())[0];

  async function create() {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const parsed = newReviewSession.safeParse({
      callId: values.callId, name: values.name, direction: values.direction ?? null, projectIds: shown.filter((p) => selected.includes(p.projectId)).map((p) => p.projectId),
      panelSize: values.panelSize, excludeSameUnit: values.excludeSameUnit, limitPerDirection: values.limitPerDirection ?? null, limitPerUnit: values.limitPerUnit ?? null,
    });
    if (!parsed.success) {
      setProblem({ title: `未能创建评审会：${parsed.error.issues[0]?.message ?? '请检查填写的内容'}`, fields: [] });
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      onCreated((await api('POST', '/api/review-sessions', sessionCreated, parsed.data)).sessionId);
    } catch (caught) {
      const fields = fieldsOf(caught);
      form.setFields(fields.filter((f) => f.path.startsWith('body.') && f.path !== 'body.projectIds').map((f) => ({ name: f.path.slice(5) as keyof Values, errors: [f.message] })));
      setProblem({ title: `未能创建评审会：${messageOf(caught)}`, fields: fields.filter((f) => /projectIds/.test(f.path)) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title="新建评审会" open width={960} okText="创建评审会" cancelText="取消" okButtonProps={{ disabled: busy || candidates.loading }} onOk={() => void create()} onCancel={onClose}>
      <Form form={form} layout="vertical" name="review-session" requiredMark
        initialValues={{ callId: newest?.id, name: '', panelSize: 5, excludeSameUnit: false, limitPerDirection: null, limitPerUnit: null }}
        onValuesChange={(changed: Partial<Values>) => { if ('callId' in changed) form.setFieldValue('direction', undefined); }}>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          <Form.Item label="申报批次" name="callId" rules={[{ required: true, message: '请选择申报批次' }]}>
            <Select showSearch optionFilterProp="label" options={calls.map((call) => ({ value: call.id, label: call.title }))} />
          </Form.Item>
          <Form.Item label="评审会名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写评审会名称' }, { max: 100, message: '评审会名称最多 100 个字' }]}>
            <Input placeholder="如 2021年工业互联网试点项目专家评审会" />
          </Form.Item>
          <Form.Item label="申报方向" name="direction" extra="选填：只评审一个方向的项目时选择。">
            <Select allowClear showSearch optionFilterProp="label" placeholder="全部方向" loading={directions.loading}
              options={(directions.data?.directions ?? []).map((d) => ({ value: d.code, label: d.label }))} />
          </Form.Item>
          <Form.Item label="每个项目评审专家人数" name="panelSize" extra="3–15 人。"
            rules={[{ required: true, message: '请填写每个项目的评审专家人数' }, { type: 'integer', min: 3, max: 15, message: '每个项目评审专家 3–15 人' }]}>
            <InputNumber min={3} max={15} precision={0} />
          </Form.Item>
          <Form.Item label="回避同地区专家" name="excludeSameUnit" valuePropName="checked" extra="开启后，不抽取与项目同属一个推荐单位地区的专家。">
            <Switch />
          </Form.Item>
          <div />
          <Form.Item label="每个方向试点上限" name="limitPerDirection" extra="选填，1–100 个；不填不设上限。"
            rules={[{ type: 'integer', min: 1, max: 100, message: '每个方向的试点上限为 1–100 的整数' }]}>
            <InputNumber min={1} max={100} precision={0} />
          </Form.Item>
          <Form.Item label="每个推荐单位试点上限" name="limitPerUnit" extra="选填，1–100 个；不填不设上限。"
            rules={[{ type: 'integer', min: 1, max: 100, message: '每个推荐单位的试点上限为 1–100 的整数' }]}>
            <InputNumber min={1} max={100} precision={0} />
          </Form.Item>
        </div>
      </Form>
      <Typography.Title level={2} style={{ fontSize: 15 }}>参加评审的项目（已选 {selected.length} 个）</Typography.Title>
      {directions.error && <Alert type="error" showIcon title={`申报方向加载失败：${directions.error}`} style={{ marginBottom: 12 }} />}
      {candidates.error && <Alert type="error" showIcon title={`可评审项目加载失败：${candidates.error}`} style={{ marginBottom: 12 }} />}
      <Table<Candidate> rowKey="projectId" size="small" dataSource={shown} loading={candidates.loading} pagination={false}
        scroll={{ y: 320 }}
        rowSelection={{
          selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)),
          getCheckboxProps: (p) => ({ 'aria-label': `选择 ${p.projectNumber} ${p.projectName}` }),
          columnTitle: selectAllTitle,
        }}
        locale={{ emptyText: callId ? '该批次没有可评审的项目（须在库，且未参加其他评审会）。' : '请先选择申报批次。' }}
        columns={[
          { title: '项目编号', dataIndex: 'projectNumber', width: 140 },
          { title: '项目名称', dataIndex: 'projectName' },
          { title: '申报企业', dataIndex: 'enterpriseName' },
          { title: '推荐单位', dataIndex: 'unitName', width: 100 },
          { title: '申报方向', dataIndex: 'directionLabel' },
        ]} />
      {problem && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={problem.title} description={problem.fields.length ? <ProblemList problems={problem.fields} /> : undefined} />}
    </Modal>
  );
}
