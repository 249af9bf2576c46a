import { Alert, Card, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { callSettings, type CallSettings } from '../../../server/schemas/calls.js';
import { CallContactsCard } from '../components/calls/CallContactsCard.js';
import { CallDownloadsCard } from '../components/calls/CallDownloadsCard.js';
import { CallGuideCard } from '../components/calls/CallGuideCard.js';
import { CallScheduleCard } from '../components/calls/CallScheduleCard.js';
import { CallStateCard } from '../components/calls/CallStateCard.js';
import { CallStateTag } from '../components/calls/call-state.js';
import { useRemote } from '../components/dashboard/use-remote.js';
import { useSession } from '../session.js';

/** One call's page: its guide, calendar, contacts, downloads, publishing and closing; links to its directions and notice texts. */
export function CallSettingsPage() {
  const { callId = '' } = useParams();
  const readOnly = useSession().account?.role !== 'province-officer';
  const remote = useRemote(`/api/calls/${encodeURIComponent(callId)}/settings`, callSettings);
  const [settings, setSettings] = useState<CallSettings>();
  useEffect(() => {
    if (remote.data) setSettings(remote.data);
  }, [remote.data]);
  if (remote.error && !settings) return <Alert type="error" showIcon title={remote.error} />;
  if (!settings) return <Spin description="正在加载…"><div style={{ minHeight: 240 }} /></Spin>;
  const props = { settings, readOnly, onSaved: setSettings };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} aria-busy={remote.loading}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{settings.title} <CallStateTag state={settings.state} /></Typography.Title>
      <Card>
        <Space wrap size="large">
          <Link to="/calls">返回批次列表</Link>
          <Link to={`/calls/${settings.id}/directions`}>申报方向与申报书类别</Link>
          <Link to={`/calls/${settings.id}/notices`}>通知文本</Link>
          {!readOnly && <Link to={`/indicators?call=${settings.id}`}>培育指标</Link>}
        </Space>
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          新批次创建时使用当时最新发布的流程和表单版本。如需将本批次切换到更新的模型版本，请平台管理员在“流程与表单设计 → 更新版本”中操作；切换只影响此后开始的申报，已开始的申报按原版本继续办理。
        </Typography.Paragraph>
      </Card>
      <CallStateCard {...props} />
      <CallGuideCard {...props} />
      <CallScheduleCard {...props} />
      <CallContactsCard {...props} />
      <CallDownloadsCard {...props} />
    </Space>
  );
}
