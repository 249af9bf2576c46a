import { Alert, Button, Checkbox, Form, Input, Result, Select } from 'antd';
import { useState } from 'react';
import { judgeRegistrationUscc } from '../../../../domain/registration.js';
import { reportingUnits } from '../../../../domain/units.js';
import { checkUscc } from '../../../../domain/uscc.js';
import { registrationSubmitted } from '../../../server/schemas/registrations.js';
import { api, fieldsOf, messageOf } from '../api.js';
import { PublicCard } from '../components/registrations/PublicCard.js';
import { RegistrationFileInput } from '../components/registrations/RegistrationFileInput.js';
import { NewPasswordFields } from '../components/NewPasswordFields.js';

interface Values {
  uscc: string; usccAsPrinted?: boolean; enterpriseName: string; unitId: string; legalRepresentative: string; contactName: string;
  contactPhone: string; email: string; username: string; password: string; confirm: string;
}

/** 注册企业账号: the enterprise's details, the USCC checked as typed, the unit suggested by its region, both files. */
export function RegisterPage() {
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<{ licence?: string; authorisation?: string }>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ email: string; kind: 'new' | 'claim' }>();
  const typed = Form.useWatch('uscc', form) ?? '';
  const check = typed.trim() ? checkUscc(typed) : undefined;
  const checksumFails = check?.ok === false && check.problem === 'check-character';
  const asPrinted = Form.useWatch('usccAsPrinted', form) === true;

  if (done) {
    return (
      <PublicCard title="注册企业账号" width={560}>
        <Result status="success" title="注册信息已提交"
          subTitle={`确认邮件已发送至 ${done.email}，请在24小时内打开邮件中的链接确认邮箱；确认后由所属单位审核${done.kind === 'claim' ? '（该企业已有账号，本次注册将作为认领申请审核）' : ''}。`} />
      </PublicCard>
    );
  }
  return (
    <PublicCard title="注册企业账号" width={560}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" requiredMark={false}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.uscc === undefined) return;
          const judged = judgeRegistrationUscc(changed.uscc, true);
          if (judged.ok) form.setFieldValue('unitId', judged.suggestedUnitId);
        }}
        onFinish={async (values) => {
          if (!files.licence || !files.authorisation) return setError(!files.licence ? '请上传营业执照' : '请上传授权书');
          setBusy(true);
          setError(undefined);
          try {
            const answer = await api('POST', '/api/registrations', registrationSubmitted, {
              uscc: values.uscc, usccAsPrinted: values.usccAsPrinted ?? false, enterpriseName: values.enterpriseName, unitId: values.unitId,
              legalRepresentative: values.legalRepresentative, contactName: values.contactName, contactPhone: values.contactPhone,
              email: values.email, username: values.username, password: values.password, licenceFileId: files.licence, authorisationFileId: files.authorisation,
            });
            setDone(answer);
          } catch (caught) {
            setError(fieldsOf(caught)[0]?.message ?? messageOf(caught));
          } finally {
            setBusy(false);
          }
        }}>
        <Form.Item label="统一社会信用代码" name="uscc" validateStatus={check && !check.ok && !(checksumFails && asPrinted) ? 'error' : undefined}
          help={check && !check.ok ? check.message : undefined} rules={[{ required: true, message: '请输入统一社会信用代码' }]}>
          <Input maxLength={20} />
        </Form.Item>
        {checksumFails && (
          <Form.Item name="usccAsPrinted" valuePropName="checked" rules={[{ validator: (_, value) => (value ? Promise.resolve() : Promise.reject(new Error('校验位不正确：请核对，或确认与营业执照所印完全一致'))) }]}>
            <Checkbox>我确认统一社会信用代码与营业执照所印完全一致</Checkbox>
          </Form.Item>
        )}
        <Form.Item label="企业名称" name="enterpriseName" rules={[{ required: true, message: '请输入企业名称' }]}><Input maxLength={200} /></Form.Item>
        <Form.Item label="所属单位（按注册地自动选择，可更改）" name="unitId" rules={[{ required: true, message: '请选择所属单位' }]}>
          <Select options={reportingUnits.map((unit) => ({ value: unit.id, label: unit.name }))} />
        </Form.Item>
        <Form.Item label="法定代表人" name="legalRepresentative" rules={[{ required: true, message: '请输入法定代表人' }]}><Input maxLength={50} /></Form.Item>
        <Form.Item label="联系人" name="contactName" rules={[{ required: true, message: '请输入联系人' }]}><Input maxLength={50} /></Form.Item>
        <Form.Item label="联系电话" name="contactPhone" rules={[{ required: true, message: '请输入联系电话' }]}><Input maxLength={30} autoComplete="tel" /></Form.Item>
        <Form.Item label="电子邮箱" name="email" rules={[{ required: true, type: 'email', message: '请输入正确的电子邮箱' }]}><Input autoComplete="email" /></Form.Item>
        <Form.Item label="用户名" name="username" rules={[{ required: true, pattern: /^[a-z0-9._-]{3,64}$/, message: '用户名为3至64位小写字母、数字、点、下划线或连字符' }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <NewPasswordFields name="password" what="密码" label="密码（至少 10 个字符）" />
        <RegistrationFileInput label="营业执照" onUploaded={(licence) => setFiles((current) => ({ ...current, licence }))} />
        <RegistrationFileInput label="授权书" onUploaded={(authorisation) => setFiles((current) => ({ ...current, authorisation }))} />
        <Button type="primary" htmlType="submit" block loading={busy}>提交注册</Button>
      </Form>
    </PublicCard>
  );
}
