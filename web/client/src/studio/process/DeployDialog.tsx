import { Alert, List, Typography } from 'antd';
import { CommentDialog } from '../shared/CommentDialog.js';
import { kindLabels } from '../studio-api.js';
import type { ReferencedModel } from './referenced-models.js';

interface Props {
  open: boolean;
  processName: string;
  version: number;
  members: ReferencedModel[];
  onDeploy(comment: string): Promise<void>;
  onClose(): void;
}

/** Confirms a deploy: the process version and the latest versions of the forms and decisions it refers to. */
export function DeployDialog({ open, processName, version, members, onDeploy, onClose }: Props) {
  // A decision is found by the id it declares, which need not be its model's key: only a form can be missing here.
  const missing = members.filter((member) => !member.latest && member.kind === 'form');
  return (
    <CommentDialog open={open} title={`部署「${processName}」第 ${version} 版`} okText="部署" onSubmit={onDeploy} onClose={onClose}>
      <Typography.Paragraph>部署前服务器会再次检查流程及其表单、决策表；有错误时不会部署。部署后，申报批次仍使用原来的版本，直到管理员在首页更新批次的版本。</Typography.Paragraph>
      {members.length > 0 && (
        <List size="small" bordered header="一并部署（各自最新保存的版本）" style={{ marginBottom: 16 }} dataSource={members}
          renderItem={(member) => (
            <List.Item>
              {kindLabels[member.kind]} {member.latest ? `「${member.latest.name}」第 ${member.latest.latestVersion} 版` : `「${member.key}」（所在决策表的最新版本）`}
            </List.Item>
          )} />
      )}
      {missing.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`流程引用的${missing.map((m) => `${kindLabels[m.kind]}「${m.key}」`).join('、')}不在设计器中，部署可能被拒绝。`} />}
    </CommentDialog>
  );
}
