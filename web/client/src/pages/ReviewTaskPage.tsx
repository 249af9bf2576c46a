import { Alert, Button, Card, Col, Descriptions, List, Row, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, type FieldError } from '../api.js';
import { DeployedForm, type DeployedFormHandle } from '../components/DeployedForm.js';
import { ProblemList } from '../components/ProblemList.js';
import { templateLabels } from '../labels.js';

interface Task { taskId: string; name: string | null; applicationId: string; applicationNumber: string | null; form: object }
interface Application { template: string; data: Record<string, unknown> }
interface Document { attachmentId: string; fileName: string }

/** 市级初审: the application and its documents beside the deployed review form. */
export function ReviewTaskPage() {
  const { taskId } = useParams();
  const navigate = useNavigate();
  const form = useRef<DeployedFormHandle>(null);
  const [task, setTask] = useState<Task>();
  const [application, setApplication] = useState<Application>();
  const [documents, setDocuments] = useState<Document[]>([]);
  const [error, setError] = useState<string>();
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    api<Task>('GET', `/api/review-tasks/${taskId}`).then(async (loaded) => {
      setTask(loaded);
      setApplication(await api<Application>('GET', `/api/applications/${loaded.applicationId}`));
      setDocuments(await api<Document[]>('GET', `/api/applications/${loaded.applicationId}/documents`));
    }).catch((e: ApiError) => setError(e.message));
  }, [taskId]);
  const field = (key: string) => String(application?.data[key] ?? '');
  // The form's data must keep its identity between renders, or the form would be imported afresh each time.
  const formData = useMemo(
    () => ({ applicationNumber: task?.applicationNumber, enterpriseName: application?.data.enterpriseName ?? '', projectName: application?.data.projectName ?? '' }),
    [task, application],
  );

  async function complete() {
    setBusy(true);
    setProblems([]);
    try {
      const collected = await form.current?.collect();
      if (!collected) return;
      if (collected.invalid) {
        setError('请按表单中红色提示填写后再提交。');
        return;
      }
      await api('POST', `/api/review-tasks/${taskId}/complete`, collected.data);
      navigate('/tasks');
    } catch (caught) {
      const failure = caught as ApiError;
      setError(failure.message);
      setProblems(failure.fields ?? []);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{task?.name ?? '任务'}：{task?.applicationNumber}</Typography.Title>
      {error && <Alert type="error" showIcon message={error} description={<ProblemList problems={problems} />} />}
      <Row gutter={24}>
        <Col span={12}>
          <Card title="申报内容">
            {application && (
              <Descriptions column={1} size="small" items={[
                { key: 'enterprise', label: '企业名称', children: field('enterpriseName') },
                { key: 'uscc', label: '统一社会信用代码', children: field('uscc') },
                { key: 'project', label: '项目名称', children: field('projectName') },
                { key: 'template', label: '类别', children: templateLabels[application.template] },
                { key: 'investment', label: '总投资（万元）', children: field('totalInvestment') },
                { key: 'content', label: '建设内容', children: <span style={{ whiteSpace: 'pre-wrap' }}>{field('content')}</span> },
              ]} />
            )}
            <List header="申报材料" dataSource={documents} renderItem={(doc) => <List.Item><a href={`/api/attachments/${doc.attachmentId}`}>{doc.fileName}</a></List.Item>} />
            {application && <a href={`/applications/${task?.applicationId}`}>查看办理过程与审查结果</a>}
          </Card>
        </Col>
        <Col span={12}>
          <Card title="初审意见">
            {task && application && (
              <DeployedForm ref={form} schema={task.form} data={formData} onReady={() => setReady(true)} />
            )}
            <Button type="primary" loading={busy} disabled={!ready} onClick={complete}>提交初审意见</Button>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
