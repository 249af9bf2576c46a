// 资格说明: for one project, every expert of the pool with whether they could be drawn for it and, if not, why
// (field, conflicts, load), so the officer sees how the panel came about.
import { Modal, Table, Tag } from 'antd';
import type { ReviewSessionView } from '../../../../server/schemas/review-sessions.js';
import { tagColors } from '../../labels.js';

type Project = ReviewSessionView['projects'][number];
type Eligibility = Project['eligibility'][number];

/** The eligibility of the pool's experts for `project`, in a dialog. */
export function EligibilityDialog({ project, onClose }: { project: Project; onClose(): void }) {
  const eligible = project.eligibility.filter((e) => e.eligible).length;
  return (
    <Modal title={`资格说明：${project.projectNumber} ${project.projectName}`} open width={760} footer={null} onCancel={onClose}>
      <p>专家库中 {project.eligibility.length} 位专家，{eligible} 位可抽取为本项目的评审专家；不可抽取的列出原因。</p>
      <Table<Eligibility> size="small" rowKey="expertId" dataSource={project.eligibility}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: '尚无资格核查记录（抽取专家后生成）。' }}
        columns={[
          { title: '专家', dataIndex: 'expertName', width: 120 },
          {
            title: '资格', dataIndex: 'eligible', width: 100,
            render: (ok: boolean) => (ok ? <Tag color={tagColors.good}>可抽取</Tag> : <Tag color={tagColors.bad}>不可抽取</Tag>),
          },
          { title: '原因', dataIndex: 'reasons', render: (reasons: string[]) => (reasons.length ? reasons.join('；') : '—') },
        ]} />
    </Modal>
  );
}
