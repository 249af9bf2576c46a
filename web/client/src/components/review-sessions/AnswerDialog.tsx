// 答复异议: the officer's written answer to one objection and whether it is upheld (成立 / 不成立).
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { objectionAnswer, type ReviewSessionView } from '../../../../server/schemas/review-sessions.js';
import { api, messageOf } from '../../api.js';
import { anyAnswer } from './use-session-action.js';

type Objection = ReviewSessionView['objections'][number];

interface Values {
  answer: string;
  upheld?: boolean;
}

/** The answer form of `objection`. Rendered only while open. */
export function AnswerDialog({ sessionId, objection, projectLabel, onClose, onAnswered }: {
  sessionId: string;
  objection: Objection;
  /** The project the objection is about, as the page names it. */
  projectLabel: string;
  onClose(): void;
  onAnswered(): void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  async function save() {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const parsed = objectionAnswer.safeParse(values);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? '请检查填写的内容');
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await api('POST', `/api/review-sessions/${sessionId}/objections/${objection.id}/answer`, anyAnswer, parsed.data);
      onAnswered();
    } catch (caught) {
      setProblem(`未能保存答复：${messageOf(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title={`答复异议：${objection.objectorName}`} open width={640} okText="保存答复" cancelText="取消" okButtonProps={{ disabled: busy }}
      onOk={() => void save()} onCancel={onClose}>
      <p>涉及项目：{projectLabel}</p>
      <p style={{ whiteSpace: 'pre-wrap' }}>异议内容：{objection.content}</p>
      <Form form={form} layout="vertical" name="objection-answer" requiredMark initialValues={{ answer: '' }}>
        <Form.Item label="答复意见" name="answer" rules={[{ required: true, whitespace: true, message: '请填写答复意见' }, { max: 4000, message: '答复意见最多 4000 个字' }]}>
          <Input.TextArea rows={5} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item label="异议是否成立" name="upheld" rules={[{ required: true, message: '请选择异议是否成立' }]}>
          <Radio.Group options={[{ value: true, label: '成立' }, { value: false, label: '不成立' }]} />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
    </Modal>
  );
}
