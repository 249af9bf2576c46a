import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { reportingUnits } from '../../../../../domain/units.js';
import { expertView, type ExpertView } from '../../../../server/schemas/experts.js';
import { api, fieldsOf, messageOf } from '../../api.js';
import { RelationshipFields, relationshipBodies, relationshipValues, type RelationshipValues } from './RelationshipFields.js';

interface Values {
  name: string;
  organisation: string;
  organisationUscc?: string;
  homeUnitId?: string;
  fields: string[];
  title: string;
  phone: string;
  email: string;
  accountUsername?: string;
  active: boolean;
  relationships: RelationshipValues[];
}

/**
 * 新增专家 / 编辑专家: the expert's entry with the relationships they declare. The server checks the USCCs, the phone,
 * the account and whether the person is in the pool already; its problems are shown at their fields. Rendered only
 * while open, so each opening starts from the expert.
 */
export function ExpertDialog({ editing, directions, onClose, onSaved }: {
  /** The expert edited; none adds one. */
  editing: ExpertView | undefined;
  directions: readonly { code: string; label: string }[];
  onClose(): void;
  onSaved(expert: ExpertView): void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const initialValues: Values = editing
    ? {
      name: editing.name, organisation: editing.organisation, organisationUscc: editing.organisationUscc ?? '', homeUnitId: editing.homeUnitId,
      fields: editing.fields, title: editing.title, phone: editing.phone, email: editing.email, accountUsername: editing.accountUsername ?? '',
      active: editing.active, relationships: editing.relationships.map(relationshipValues),
    }
    : { name: '', organisation: '', fields: [], title: '', phone: '', email: '', active: true, relationships: [] };

  async function save() {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setBusy(true);
    setProblem(undefined);
    try {
      onSaved(await api(editing ? 'PUT' : 'POST', editing ? `/api/experts/${editing.id}` : '/api/experts', expertView, bodyOf(values)));
    } catch (caught) {
      const fields = fieldsOf(caught).filter((f) => f.path.startsWith('body.'));
      const known = fields.map((f) => ({ name: f.path.slice(5).split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)), errors: [f.message] }));
      form.setFields(known as never);
      setProblem(`未能保存：${messageOf(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title={editing ? `编辑专家：${editing.name}` : '新增专家'} open width={860} okText="保存" cancelText="取消" okButtonProps={{ disabled: busy }}
      onOk={() => void save()} onCancel={onClose}>
      <Form form={form} layout="vertical" name="expert" requiredMark initialValues={initialValues}>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50, message: '姓名最多 50 个字' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="职称" name="title" rules={[{ required: true, whitespace: true, message: '请填写职称' }, { max: 50, message: '职称最多 50 个字' }]}>
            <Input placeholder="如 正高级工程师、教授" />
          </Form.Item>
          <Form.Item label="工作单位" name="organisation" rules={[{ required: true, whitespace: true, message: '请填写工作单位' }, { max: 100, message: '工作单位最多 100 个字' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="工作单位统一社会信用代码" name="organisationUscc" extra="工作单位为企业时填写，用于回避核查。">
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item label="所属地区" name="homeUnitId" rules={[{ required: true, message: '请选择所属地区' }]}>
            <Select showSearch optionFilterProp="label" options={reportingUnits.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Form.Item label="评审领域" name="fields" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个评审领域' }]}>
            <Select mode="multiple" showSearch optionFilterProp="label" options={directions.map((d) => ({ value: d.code, label: d.label }))} />
          </Form.Item>
          <Form.Item label="联系电话" name="phone" rules={[{ required: true, whitespace: true, message: '请填写联系电话' }]} extra="11 位手机号码，或带区号的固定电话（如 0311-87654321）。">
            <Input inputMode="tel" />
          </Form.Item>
          <Form.Item label="电子邮箱" name="email" rules={[{ required: true, message: '请填写电子邮箱' }, { type: 'email', message: '请填写有效的电子邮箱' }]}>
            <Input type="email" autoComplete="off" />
          </Form.Item>
          <Form.Item label="登录账号" name="accountUsername" extra="该专家的评审专家账号用户名；没有可不填。">
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label="状态" name="active" valuePropName="checked" extra="停用后不再被抽取为评审专家。">
            <Checkbox>启用</Checkbox>
          </Form.Item>
        </div>
        <RelationshipFields />
      </Form>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
    </Modal>
  );
}

// helpers

function bodyOf(values: Values): Record<string, unknown> {
  return {
    name: values.name, organisation: values.organisation, organisationUscc: values.organisationUscc?.trim() || null, homeUnitId: values.homeUnitId,
    fields: values.fields, title: values.title, phone: values.phone, email: values.email.trim(), active: values.active,
    accountUsername: values.accountUsername?.trim() || null, relationships: relationshipBodies(values.relationships ?? []),
  };
}
