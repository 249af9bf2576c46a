import { Alert, Button, Card, Col, Descriptions, Row, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { deployedFormJson, noContent } from '../../../server/schemas/common.js';
import { sessionTaskInfo, seatTaskInfo } from '../../../server/schemas/review-sessions.js';
import { taskDetail, taskDiagram, type TaskDiagram as Diagram } from '../../../server/schemas/tasks.js';
import { api, fieldsOf, messageOf, type FieldError } from '../api.js';
import { AttachmentPreview } from '../components/AttachmentPreview.js';
import { DeployedForm, type DeployedFormHandle } from '../components/DeployedForm.js';
import { LoadFailureBoundary } from '../components/LoadFailureBoundary.js';
import { ProblemList } from '../components/ProblemList.js';
import { SeatTaskCard } from '../components/review-sessions/SeatTaskCard.js';
import { RuleWarnings } from '../components/RuleWarnings.js';
import { TaskAssignment } from '../components/TaskAssignment.js';
import { TaskComments } from '../components/TaskComments.js';
import { TaskHistory } from '../components/TaskHistory.js';
import { statusLabels, tagColors, templateLabels } from '../labels.js';
import { useSession } from '../session.js';
import type { z } from 'zod';

// bpmn-js is large: only this page downloads it, and only when the diagram is shown.
const ProcessDiagram = lazy(() => import('../components/ProcessDiagram.js'));

// The task's form is rendered: it must be a form-js schema object, when the task has one. A review campaign's task
// names its session; an expert's seat task carries the reviewed project as far as the expert may see it.
const taskPage = taskDetail.extend({ form: deployedFormJson.nullable(), reviewSession: sessionTaskInfo.nullish(), reviewSeat: seatTaskInfo.nullish() });
type TaskPageData = z.infer<typeof taskPage>;

/** A task: what it is about and its files beside its deployed form; claim, dates, comments, diagram and history. */
export function TaskPage() {
  const { taskId } = useParams();
  const navigate = useNavigate();
  const { account } = useSession();
  const form = useRef<DeployedFormHandle>(null);
  const [task, setTask] = useState<TaskPageData>();
  const [error, setError] = useState<string>();
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [ready, setReady] = useState(false);
  const load = useCallback(() => api('GET', `/api/tasks/${taskId}`, taskPage).then(setTask, (e) => setError(messageOf(e))), [taskId]);
  useEffect(() => void load(), [load]);
  // The form's schema and data keep their identity across reloads (a claim, a date), or form-js would start over.
  const formJson = JSON.stringify(task?.form ?? null);
  const formDataJson = JSON.stringify(task?.formData ?? {});
  const schema = useMemo(() => deployedFormJson.nullable().parse(JSON.parse(formJson)), [formJson]);
  const formData = useMemo(() => deployedFormJson.parse(JSON.parse(formDataJson)), [formDataJson]);
  const claimedByOther = !!task?.assignee && task.assignee.username !== account?.username;

  async function complete() {
    setBusy(true);
    setProblems([]);
    setError(undefined);
    try {
      const collected = await form.current?.collect();
      if (!collected) return;
      if (collected.invalid) {
        setError('请按表单中红色提示填写后再提交。');
        return;
      }
      await api('POST', `/api/tasks/${taskId}/complete`, noContent, collected.data);
      navigate('/tasks');
    } catch (caught) {
      setError(messageOf(caught));
      setProblems(fieldsOf(caught));
    } finally {
      setBusy(false);
    }
  }

  if (!task) {
    return error
      ? <Alert type="error" showIcon title={error} description={<Link to="/tasks">返回待办任务</Link>} />
      : <Spin aria-busy="true" tip="正在加载任务…"><div style={{ height: 200 }} /></Spin>;
  }
  const heading = task.subject.applicationNumber ? `${task.stageLabel}：${task.subject.applicationNumber}` : `${task.stageLabel}：${task.subject.title}`;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{heading}</Typography.Title>
        <Link to="/tasks">返回待办任务</Link>
      </Space>
      <RuleWarnings warnings={task.warnings} />
      <TaskAssignment task={task} onChanged={() => void load()} />
      {error && <Alert type="error" showIcon title={error} description={<ProblemList problems={problems} />} />}
      <Row gutter={24}>
        <Col span={12}>
          {task.reviewSeat ? (
            <SeatTaskCard seat={task.reviewSeat} materials={(
              <>
                <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>申报材料</Typography.Title>
                <AttachmentPreview attachments={task.attachments} />
              </>
            )} />
          ) : (
            <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{task.batch ? '推荐批次' : '申报内容'}</Typography.Title>}>
              <Subject task={task} />
              <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>附件预览</Typography.Title>
              <AttachmentPreview attachments={task.attachments} />
            </Card>
          )}
        </Col>
        <Col span={12}>
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>办理：{task.stageLabel}</Typography.Title>}>
              {claimedByOther && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`该任务已由 ${task.assignee!.displayName} 认领，只有认领人可以办理。`} />}
              {schema ? (
                <>
                  <DeployedForm ref={form} schema={schema} data={formData} onReady={() => setReady(true)} />
                  <Button type="primary" loading={busy} disabled={!ready || claimedByOther} onClick={complete}>{task.submitLabel}</Button>
                </>
              ) : task.reviewSession ? (
                <Alert type="info" showIcon title={`该任务在评审会页面办理：${task.reviewSession.name}（${task.reviewSession.statusLabel}）`}
                  description={<Link to={`/review-sessions/${task.reviewSession.sessionId}`}>前往评审会页面办理</Link>} />
              ) : <Alert type="info" showIcon title="该任务没有可在本平台填写的表单，请联系平台管理员。" />}
            </Card>
            <TaskComments taskId={task.taskId} />
          </Space>
        </Col>
      </Row>
      <Card>
        <Tabs items={[
          { key: 'diagram', label: '流程图', children: <TaskDiagram taskId={task.taskId} /> },
          { key: 'history', label: '办理记录', children: <TaskHistory taskId={task.taskId} /> },
        ]} />
      </Card>
    </Space>
  );
}

/** The application (or batch) the task is about, in brief, with a link to its full record. */
function Subject({ task }: { task: TaskPageData }) {
  if (task.application) {
    const field = (key: string) => String(task.application?.data[key] ?? '');
    return (
      <Descriptions column={1} size="small" items={[
        { key: 'number', label: '申报编号', children: task.application.applicationNumber },
        { key: 'status', label: '当前状态', children: <Tag color={tagColors.info}>{statusLabels[task.application.status] ?? task.application.status}</Tag> },
        { key: 'enterprise', label: '企业名称', children: field('enterpriseName') },
        { key: 'uscc', label: '统一社会信用代码', children: field('uscc') },
        { key: 'project', label: '项目名称', children: field('projectName') },
        { key: 'template', label: '类别', children: templateLabels[task.application.template] },
        { key: 'unit', label: '推荐单位', children: task.subject.unitName },
        { key: 'investment', label: '总投资（万元）', children: field('totalInvestment') },
        { key: 'content', label: '建设内容', children: <span style={{ whiteSpace: 'pre-wrap' }}>{field('content')}</span> },
        { key: 'more', label: '完整记录', children: <Link to={`/applications/${task.application.id}`}>查看申报进度与审查结果</Link> },
      ]} />
    );
  }
  if (task.batch) {
    return (
      <Descriptions column={1} size="small" items={[
        { key: 'call', label: '申报批次', children: task.batch.callTitle },
        { key: 'unit', label: '推荐单位', children: task.batch.unitName },
        { key: 'rendered', label: '推荐表生成时间', children: task.batch.renderedAt ? new Date(task.batch.renderedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '正在生成' },
      ]} />
    );
  }
  return <Typography.Paragraph>{task.subject.title}</Typography.Paragraph>;
}

/** Loads the task's diagram and shows it with the bpmn-js viewer, which loads on demand. */
function TaskDiagram({ taskId }: { taskId: string }) {
  const [diagram, setDiagram] = useState<Diagram>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api('GET', `/api/tasks/${taskId}/diagram`, taskDiagram).then(setDiagram, (e) => setError(messageOf(e)));
  }, [taskId]);
  if (error) return <Alert type="error" showIcon title={error} />;
  const loading = <Spin aria-busy="true" tip="正在加载流程图…"><div style={{ height: 120 }} /></Spin>;
  if (!diagram) return loading;
  return (
    <LoadFailureBoundary message="流程图未能加载（可能刚刚发布了新版本），请刷新页面；任务仍可正常办理。">
      <Suspense fallback={loading}>
        <ProcessDiagram xml={diagram.xml} activeIds={diagram.activeActivityIds} completedIds={diagram.completedActivityIds} />
      </Suspense>
    </LoadFailureBoundary>
  );
}
