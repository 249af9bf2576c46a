import { Alert, App, Button, Card, Form, Input, InputNumber, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { changeableFieldLabels, type ChangeableField, type ChangeKind } from '../../../../domain/change-request-rules.js';
import { changeRequestCreated, changeRequestsAnswer, type ChangeRequestBody } from '../../../server/schemas/project-changes.js';
import { api, fieldsOf, messageOf, type FieldError } from '../api.js';
import { LoadError } from '../components/dashboard/LoadError.js';
import { useRemote } from '../components/dashboard/use-remote.js';
import { ChangeRequests } from '../components/projects/ProjectRecords.js';

type Values = { kind: ChangeKind; reason: string } & Partial<Record<ChangeableField, string | number | null>>;

const amountProps = { min: 0, max: 10_000_000, precision: 2, style: { width: 240 }, suffix: '万元' } as const;

/** 申请变更 / 终止: the enterprise asks to change the fields it may, or to terminate its project, with the reason. */
export function ProjectChangePage() {
  const { projectId } = useParams();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const remote = useRemote(`/api/projects/${projectId}/change-requests`, changeRequestsAnswer);
  const [sending, setSending] = useState(false);
  const [problems, setProblems] = useState<{ title: string; fields: FieldError[] }>();
  const kind = Form.useWatch('kind', form);
  const answer = remote.data;

  async function send(values: Values) {
    setSending(true);
    setProblems(undefined);
    try {
      // A field left empty is not asked to change.
      const changes = Object.fromEntries(Object.entries(values).filter(([key, value]) => key in changeableFieldLabels && value !== undefined && value !== null && value !== ''));
      const body: ChangeRequestBody = { kind: values.kind, changes: values.kind === 'change' ? changes : {}, reason: values.reason };
      await api('POST', `/api/projects/${projectId}/change-requests`, changeRequestCreated, body);
      message.success(values.kind === 'change' ? '变更申请已提交，等待推荐单位意见' : '终止申请已提交，等待推荐单位意见');
      navigate(`/projects/${projectId}`);
    } catch (e) {
      setProblems({ title: `提交失败：${messageOf(e)}`, fields: fieldsOf(e) });
    } finally {
      setSending(false);
    }
  }

  if (remote.error && !answer) return <LoadError what="项目" error={remote.error} onRetry={() => void remote.reload()} />;
  const current = answer?.current;
  const now = (field: ChangeableField, text: string | number | null | undefined) => `${changeableFieldLabels[field]}（当前：${text ?? '未填写'}）`;
  const directionNow = answer?.directionOptions.find((o) => o.value === current?.direction)?.label ?? current?.direction;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} aria-busy={remote.loading || sending}>
      <Link to={`/projects/${projectId}`}>返回项目页面</Link>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>申请变更或终止项目</Typography.Title>
      {answer && (
        <Space wrap>
          <Typography.Text strong>{answer.project.projectName}</Typography.Text>
          <Typography.Text>项目编号 {answer.project.projectNumber}</Typography.Text>
          <Tag>{answer.project.statusLabel}</Tag>
        </Space>
      )}
      <Alert type="info" showIcon title="省级重点项目原则上不允许变更"
        description="可申请变更项目投资、建设内容（含申报方向）、建设周期和实施企业名称（须为同一统一社会信用代码），或申请终止项目。申请经推荐单位提出意见后报省厅审批；变更后转入或转出“市级工业互联网综合平台”方向的，按规定不予变更。" />
      {answer?.project.blockedBy && <Alert type="warning" showIcon title={answer.project.blockedBy} />}
      {problems && (
        <Alert type="error" showIcon title={problems.title} closable onClose={() => setProblems(undefined)}
          description={problems.fields.length ? <ul style={{ margin: 0 }}>{problems.fields.map((f, i) => <li key={`${f.path}-${i}`}>{labelOf(f.path)}{f.message}</li>)}</ul> : undefined} />
      )}
      {answer && !answer.project.blockedBy && (
        <Card>
          <Form form={form} layout="vertical" initialValues={{ kind: 'change' }} onFinish={(values) => void send(values)} style={{ maxWidth: 800 }}>
            <Form.Item label="申请事项" name="kind">
              <Radio.Group options={[{ value: 'change', label: '变更项目内容' }, { value: 'terminate', label: '终止项目（退库）' }]} />
            </Form.Item>
            {kind !== 'terminate' && (
              <>
                <Typography.Paragraph type="secondary">只填写需要变更的内容，未填写的保持不变。</Typography.Paragraph>
                <Form.Item label={now('totalInvestment', current?.totalInvestment && `${current.totalInvestment}万元`)} name="totalInvestment"><InputNumber {...amountProps} /></Form.Item>
                <Form.Item label={now('completedInvestment', current?.completedInvestment && `${current.completedInvestment}万元`)} name="completedInvestment"><InputNumber {...amountProps} /></Form.Item>
                <Form.Item label={now('direction', directionNow)} name="direction">
                  <Select allowClear style={{ maxWidth: 400 }} options={answer.directionOptions} />
                </Form.Item>
                <Form.Item label={changeableFieldLabels.content} name="content" extra={current?.content ? `当前：${current.content}` : undefined}>
                  <Input.TextArea rows={4} maxLength={5000} showCount />
                </Form.Item>
                <Form.Item label={now('periodStart', current?.periodStart)} name="periodStart"><Input type="date" style={{ width: 240 }} /></Form.Item>
                <Form.Item label={now('periodEnd', current?.periodEnd)} name="periodEnd"><Input type="date" style={{ width: 240 }} /></Form.Item>
                <Form.Item label={now('enterpriseName', current?.enterpriseName)} name="enterpriseName" extra="企业更名的，统一社会信用代码须保持不变">
                  <Input maxLength={100} />
                </Form.Item>
              </>
            )}
            <Form.Item label="申请理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写申请理由' }, { max: 2000, message: '申请理由不能超过2000个字' }]}>
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
            <Button type="primary" htmlType="submit" disabled={sending}>提交申请</Button>
          </Form>
        </Card>
      )}
      {/* The table's empty text is antd's light grey: shown only with requests to list. */}
      {!!answer?.requests.length && <ChangeRequests requests={answer.requests} />}
    </Space>
  );
}

// helpers

/** "项目总投资：" for a problem of `body.changes.totalInvestment`. */
function labelOf(path: string): string {
  const field = path.replace(/^body\.(changes\.)?/, '');
  const label = (changeableFieldLabels as Record<string, string>)[field] ?? (field === 'reason' ? '申请理由' : '');
  return label ? `${label}：` : '';
}
