// 登记异议: the officer records a real-name, written objection (实名、书面) received during the 公示, against one project
// of the list under notice. The server's problems are shown at their fields.
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { newObjection } from '../../../../server/schemas/review-sessions.js';
import { api, fieldsOf, messageOf } from '../../api.js';
import { anyAnswer } from './use-session-action.js';

interface Values {
  projectId?: string;
  objectorName: string;
  objectorContact: string;
  objectorOrganisation: string;
  content: string;
  receivedOn?: Dayjs;
}

/** The objection form; `projects` are those of the list under notice. Rendered only while open. */
export function ObjectionDialog({ sessionId, projects, onClose, onRecorded }: {
  sessionId: string;
  projects: readonly { projectId: string; projectNumber: string; projectName: string }[];
  onClose(): void;
  onRecorded(): void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  async function save() {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const parsed = newObjection.safeParse({
      projectId: values.projectId, objectorName: values.objectorName, objectorContact: values.objectorContact,
      objectorOrganisation: values.objectorOrganisation, content: values.content, receivedOn: values.receivedOn?.format('YYYY-MM-DD'),
    });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? '请检查填写的内容');
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await api('POST', `/api/review-sessions/${sessionId}/objections`, anyAnswer, parsed.data);
      onRecorded();
    } catch (caught) {
      form.setFields(fieldsOf(caught).filter((f) => f.path.startsWith('body.')).map((f) => ({ name: f.path.slice(5) as keyof Values, errors: [f.message] })));
      setProblem(`未能登记异议：${messageOf(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title="登记异议" open width={640} okText="登记" cancelText="取消" okButtonProps={{ disabled: busy }} onOk={() => void save()} onCancel={onClose}>
      <p>公示期间的异议须实名、书面提出。请按书面异议如实登记；匿名异议不予登记。</p>
      <Form form={form} layout="vertical" name="objection" requiredMark initialValues={{ objectorName: '', objectorContact: '', objectorOrganisation: '', content: '' }}>
        <Form.Item label="异议涉及的项目" name="projectId" rules={[{ required: true, message: '请选择异议涉及的项目' }]}>
          <Select showSearch optionFilterProp="label" options={projects.map((p) => ({ value: p.projectId, label: `${p.projectNumber} ${p.projectName}` }))} />
        </Form.Item>
        <Form.Item label="异议人姓名" name="objectorName" extra="异议须实名提出。"
          rules={[{ required: true, whitespace: true, message: '异议须实名提出：请填写异议人姓名' }, { min: 2, message: '异议须实名提出：请填写异议人真实姓名' }, { max: 50, message: '姓名最多 50 个字' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="联系方式" name="objectorContact" extra="电话或通信地址。"
          rules={[{ required: true, whitespace: true, message: '请填写异议人联系方式' }, { min: 5, message: '请填写异议人联系方式（电话或地址）' }, { max: 100, message: '联系方式最多 100 个字' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="单位" name="objectorOrganisation" rules={[{ max: 100, message: '异议人单位最多 100 个字' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="异议内容" name="content" rules={[{ required: true, whitespace: true, message: '请填写异议内容' }, { max: 4000, message: '异议内容最多 4000 个字' }]}>
          <Input.TextArea rows={5} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item label="收到日期" name="receivedOn" rules={[{ required: true, message: '请填写书面异议的收到日期' }]}>
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
    </Modal>
  );
}
