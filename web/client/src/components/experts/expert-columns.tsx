import { Button, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { relationshipKinds } from '../../../../../domain/expert-conflicts.js';
import type { ExpertView } from '../../../../server/schemas/experts.js';
import { tagColors } from '../../labels.js';

/** What a row's buttons do; none for a reader (the division head). */
export interface ExpertActions {
  edit(expert: ExpertView): void;
  setActive(expert: ExpertView, active: boolean): void;
  busyId: string | undefined;
}

/** A relationship kind's label. */
export const kindLabel = (kind: string) => relationshipKinds.find((k) => k.kind === kind)?.label ?? kind;

/** The pool table's columns; `actions` adds 操作. */
export function expertColumns(directionLabel: (code: string) => string, actions: ExpertActions | undefined): ColumnsType<ExpertView> {
  return [
    { title: '姓名', dataIndex: 'name', width: 96 },
    { title: '工作单位', dataIndex: 'organisation' },
    { title: '所属地区', dataIndex: 'homeUnitName', width: 96 },
    { title: '评审领域', dataIndex: 'fields', render: (fields: string[]) => fields.map(directionLabel).join('、') },
    { title: '职称', dataIndex: 'title', width: 120 },
    { title: '联系电话', dataIndex: 'phone', width: 130 },
    {
      title: '关联关系', dataIndex: 'relationships', render: (relationships: ExpertView['relationships']) => (relationships.length === 0 ? '—' : (
        <Typography.Text>{relationships.map((r) => `${r.enterpriseName}（${kindLabel(r.kind)}）`).join('；')}</Typography.Text>
      )),
    },
    {
      title: '状态', dataIndex: 'active', width: 80,
      render: (active: boolean) => (active ? <Tag color={tagColors.good}>启用</Tag> : <Tag color={tagColors.bad}>已停用</Tag>),
    },
    ...(actions ? [{
      title: '操作', key: 'actions', width: 130, render: (_: unknown, e: ExpertView) => (
        <Space size={4} wrap>
          <Button size="small" onClick={() => actions.edit(e)}>编辑</Button>
          {e.active
            ? (
              <Popconfirm title={`停用专家 ${e.name}？`} description="停用后不再被抽取为评审专家；信息和记录保留。" okText="停用" cancelText="取消" onConfirm={() => actions.setActive(e, false)}>
                <Button size="small" disabled={actions.busyId === e.id}>停用</Button>
              </Popconfirm>
            )
            : <Button size="small" disabled={actions.busyId === e.id} onClick={() => actions.setActive(e, true)}>启用</Button>}
        </Space>
      ),
    }] : []),
  ];
}
