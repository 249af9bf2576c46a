import { Alert, App, Button, Card, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { exitGroundCodes, exitGrounds, type ExitGround } from '../../../../domain/project-exit.js';
import { exitProposalCreated, exitProposalsAnswer, type ExitProposalBody } from '../../../server/schemas/project-changes.js';
import { api, fieldsOf, messageOf, type FieldError } from '../api.js';
import { LoadError } from '../components/dashboard/LoadError.js';
import { useRemote } from '../components/dashboard/use-remote.js';
import { ExitProposals } from '../components/projects/ProjectRecords.js';

/** 提出退库: the province proposes a project's exit on one of the grounds, with the reason; a division head decides. */
export function ProjectExitPage() {
  const { projectId } = useParams();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ExitProposalBody>();
  const remote = useRemote(`/api/projects/${projectId}/exit-proposals`, exitProposalsAnswer);
  const [sending, setSending] = useState(false);
  const [problems, setProblems] = useState<{ title: string; fields: FieldError[] }>();
  const answer = remote.data;

  async function send(values: { ground: ExitGround; reason: string }) {
    setSending(true);
    setProblems(undefined);
    try {
      await api('POST', `/api/projects/${projectId}/exit-proposals`, exitProposalCreated, values);
      message.success('退库申请已提交，等待处长审批');
      navigate(`/projects/${projectId}`);
    } catch (e) {
      setProblems({ title: `提交失败：${messageOf(e)}`, fields: fieldsOf(e) });
    } finally {
      setSending(false);
    }
  }

  if (remote.error && !answer) return <LoadError what="项目" error={remote.error} onRetry={() => void remote.reload()} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} aria-busy={remote.loading || sending}>
      <Link to={`/projects/${projectId}`}>返回项目页面</Link>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>提出退库</Typography.Title>
      {answer && (
        <Space wrap>
          <Typography.Text strong>{answer.project.projectName}</Typography.Text>
          <Typography.Text>{answer.project.enterpriseName}</Typography.Text>
          <Typography.Text>项目编号 {answer.project.projectNumber}</Typography.Text>
          <Tag>{answer.project.statusLabel}</Tag>
        </Space>
      )}
      <Alert type="info" showIcon title="退库须经处长审批" description="提交后由处长审批，本人提出的退库不能由本人审批；批准后项目退出省级重点项目库，状态记录写明退库情形和理由。" />
      {answer?.project.blockedBy && <Alert type="warning" showIcon title={answer.project.blockedBy} />}
      {problems && (
        <Alert type="error" showIcon title={problems.title} closable onClose={() => setProblems(undefined)}
          description={problems.fields.length ? <ul style={{ margin: 0 }}>{problems.fields.map((f, i) => <li key={`${f.path}-${i}`}>{f.message}</li>)}</ul> : undefined} />
      )}
      {answer && !answer.project.blockedBy && (
        <Card>
          <Form form={form} layout="vertical" onFinish={(values) => void send(values)} style={{ maxWidth: 800 }}>
            <Form.Item label="退库情形" name="ground" rules={[{ required: true, message: '请选择退库情形' }]}>
              <Radio.Group options={exitGroundCodes.map((code) => ({ value: code, label: exitGrounds[code] }))} />
            </Form.Item>
            <Form.Item label="退库理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写退库理由' }, { max: 2000, message: '退库理由不能超过2000个字' }]}>
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
            <Button type="primary" htmlType="submit" disabled={sending}>提交退库申请</Button>
          </Form>
        </Card>
      )}
      {/* The table's empty text is antd's light grey: shown only with proposals to list. */}
      {!!answer?.proposals.length && <ExitProposals proposals={answer.proposals} />}
    </Space>
  );
}
