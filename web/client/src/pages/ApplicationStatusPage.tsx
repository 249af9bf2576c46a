import { Alert, Card, Descriptions, List, Space, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { applicationDocuments, applicationStatusView, applicationView, type ApplicationDocument, type ApplicationStatusView, type ApplicationView } from '../../../server/schemas/applications.js';
import { api, messageOf } from '../api.js';
import { ApplicationTrail } from '../components/audit/ApplicationTrail.js';
import { ProjectHistory, ProjectStatusTag } from '../components/projects/ProjectHistory.js';
import { WithdrawApplication } from '../components/WithdrawApplication.js';
import { statusLabels, tagColors, templateLabels } from '../labels.js';
import { useSession } from '../session.js';
import { useVisiblePolling } from '../use-visible-polling.js';

const resultLabels: Record<string, { label: string; color: string }> = {
  pass: { label: '符合', color: tagColors.good },
  warning: { label: '提示', color: tagColors.notice },
  correction: { label: '需补正', color: tagColors.action },
  refused: { label: '不符合', color: tagColors.bad },
};

// Statuses no step of the declaration leaves: the page stops asking once one is reached.
const finalStatuses: readonly ApplicationStatusView['status'][] = ['refused', 'withdrawn', 'not-recommended'];
const POLL_MS = 4_000;

const at = (time: Date) => time.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/**
 * 申报进度: every status with its date and reason, each rule's outcome, and the documents to download; it follows
 * the application while it is open (a worker or the city moves it on), until its status is final.
 */
export function ApplicationStatusPage() {
  const { id } = useParams();
  const { account } = useSession();
  const [application, setApplication] = useState<ApplicationView>();
  const [status, setStatus] = useState<ApplicationStatusView>();
  const [documents, setDocuments] = useState<ApplicationDocument[]>([]);
  const [error, setError] = useState<string>();
  const load = useCallback(async () => {
    const [found, current, docs] = await Promise.all([
      api('GET', `/api/applications/${id}`, applicationView),
      api('GET', `/api/applications/${id}/status`, applicationStatusView),
      api('GET', `/api/applications/${id}/documents`, applicationDocuments).catch((): ApplicationDocument[] => []),
    ]);
    setApplication(found);
    setStatus(current);
    setDocuments(docs);
  }, [id]);
  useEffect(() => void load().catch((e) => setError(messageOf(e))), [load]);
  // A failed poll leaves the page as it was; the next one tries again.
  useVisiblePolling(load, POLL_MS, !error && !!application && !finalStatuses.includes(application.status));
  if (error) return <Alert type="error" showIcon message={error} description="请返回“我的申报”重新打开。" />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>申报进度</Typography.Title>
      {application?.status === 'correction-requested' && (
        <Alert type="warning" showIcon message="您的申报需要补正" action={<Link to={`/applications/${id}/correction`}>去补正</Link>} />
      )}
      {application?.status === 'awaiting-sealed-scans' && (
        <Alert type="info" showIcon message="申报材料已通过自动审查，请打印盖章后上传扫描件" action={<Link to={`/applications/${id}/seal`}>上传盖章材料</Link>} />
      )}
      {application && (
        <Descriptions bordered column={1} size="small" items={[
          { key: 'number', label: '申报编号', children: application.applicationNumber ?? '（未提交）' },
          { key: 'project', label: '项目名称', children: String(application.data.projectName ?? '') },
          { key: 'template', label: '类别', children: templateLabels[application.template] },
          { key: 'status', label: '当前状态', children: <Tag color={tagColors.info}>{statusLabels[application.status]}</Tag> },
        ]} />
      )}
      {status?.project && (
        <Card title="省级项目库" extra={<Link to={`/projects/${status.project.projectId}`}>查看项目详情</Link>}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text>项目编号 {status.project.projectNumber}</Typography.Text>
              <span>项目状态：<ProjectStatusTag status={status.project.status} label={status.project.label} /></span>
            </Space>
            <ProjectHistory history={status.project.history} />
          </Space>
        </Card>
      )}
      <Card title="办理过程">
        <Timeline items={(status?.history ?? []).map((event) => ({
          color: event.status === 'refused' || event.status === 'withdrawn' ? 'red' : 'blue',
          children: (
            <div>
              <Typography.Text strong>{statusLabels[event.status] ?? event.status}</Typography.Text>{'　'}
              <Typography.Text type="secondary">{at(event.at)}</Typography.Text>
              {event.reason && <div style={{ whiteSpace: 'pre-wrap' }}>原因：{event.reason}</div>}
            </div>
          ),
        }))} />
      </Card>
      {!!status?.ruleOutcomes.length && (
        <Card title="申报条件审查结果">
          <List dataSource={status.ruleOutcomes} renderItem={(outcome) => (
            <List.Item>
              <Space align="start">
                <Tag color={resultLabels[outcome.result]?.color}>{outcome.ruleId} {resultLabels[outcome.result]?.label}</Tag>
                <span>{outcome.reason ?? '符合要求'}</span>
              </Space>
            </List.Item>
          )} />
        </Card>
      )}
      {id && application && application.status !== 'draft' && (
        <ApplicationTrail applicationId={id} version={`${application.status}-${status?.history.length ?? 0}`} />
      )}
      {account?.role === 'applicant' && application?.applicationNumber && (
        <Card title="申报回执">
          <a href={`/api/applications/${id}/receipt.pdf`}>下载申报回执（PDF，含申报内容摘要）</a>
        </Card>
      )}
      {account?.role === 'applicant' && id && status && (
        <WithdrawApplication applicationId={id} allowed={status.withdrawal.allowed} refusal={status.withdrawal.refusal} onWithdrawn={load} />
      )}
      {!!documents.length && (
        <Card title="申报材料下载">
          <List dataSource={documents} renderItem={(doc) => <List.Item><a href={`/api/attachments/${doc.attachmentId}`}>{doc.fileName}</a></List.Item>} />
        </Card>
      )}
    </Space>
  );
}
