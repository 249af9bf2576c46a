import { Alert, Button, Card, Descriptions, Space, Spin, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { projectView } from '../../../server/schemas/projects.js';
import { useRemote } from '../components/dashboard/use-remote.js';
import { ProjectHistory, ProjectStatusTag, beijing } from '../components/projects/ProjectHistory.js';
import { ChangeRequests, ExitProposals, FormalReviews } from '../components/projects/ProjectRecords.js';
import { ProjectReviewCard } from '../components/projects/ProjectReviewCard.js';
import { ProjectVersions } from '../components/projects/ProjectVersions.js';
import { templateLabels } from '../labels.js';

/**
 * 项目详情 (省级重点项目库): the project with its status, its current version beside its admission snapshot, its status
 * rows, formal review rounds, change requests and exits, and what the reader may do next: the open task, 申请变更
 * (its enterprise) or 提出退库 (the province).
 */
export function ProjectPage() {
  const { projectId } = useParams();
  const navigate = useNavigate();
  const remote = useRemote(projectId ? `/api/projects/${projectId}` : undefined, projectView);
  const view = remote.data;
  if (!view) {
    return remote.error
      ? <Alert type="error" showIcon title={remote.error} description={<Link to="/">返回首页</Link>} />
      : <Spin aria-busy="true" description="正在加载项目…"><div style={{ height: 200 }} /></Spin>;
  }
  const { project, actions, task } = view;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap align="center">
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{project.projectName || project.projectNumber}</Typography.Title>
          <ProjectStatusTag status={project.status} label={project.statusLabel} />
        </Space>
        <Space wrap>
          {task && <Button type="primary" onClick={() => navigate(`/tasks/${task.taskId}`)}>办理：{task.label}</Button>}
          {actions.requestChange && <Button onClick={() => navigate(`/projects/${project.id}/change`)}>申请变更</Button>}
          {actions.proposeExit && <Button onClick={() => navigate(`/projects/${project.id}/exit`)}>提出退库</Button>}
        </Space>
      </Space>
      {actions.blockedBy && <Alert type="info" showIcon title={actions.blockedBy} />}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={[
        { key: 'number', label: '项目编号', children: project.projectNumber },
        { key: 'status', label: '项目状态', children: project.statusLabel },
        { key: 'enterprise', label: '申报企业', children: project.enterprise.name },
        { key: 'uscc', label: '统一社会信用代码', children: project.enterprise.uscc },
        { key: 'unit', label: '推荐单位', children: project.unit.name },
        { key: 'call', label: '申报批次', children: project.call.title },
        { key: 'template', label: '类别', children: templateLabels[view.current.template] },
        { key: 'admitted', label: '入库时间', children: project.admittedAt ? beijing(project.admittedAt) : '尚未入库' },
      ]} />
      <ProjectReviewCard projectId={project.id} />
      <ProjectVersions view={view} />
      <Card title="状态记录"><ProjectHistory history={view.history} /></Card>
      <FormalReviews rounds={view.formalReviews} />
      <ChangeRequests requests={view.changeRequests} />
      <ExitProposals proposals={view.exitProposals} />
    </Space>
  );
}
