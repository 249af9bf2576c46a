import { Alert, App, Button, Card, Empty, Flex, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { expertList, expertView, type ExpertView } from '../../../server/schemas/experts.js';
import { api, fieldsOf, messageOf } from '../api.js';
import { ExportButton } from '../components/dashboard/ExportButton.js';
import { LoadError } from '../components/dashboard/LoadError.js';
import { useRemote } from '../components/dashboard/use-remote.js';
import { expertColumns } from '../components/experts/expert-columns.js';
import { ExpertDialog } from '../components/experts/ExpertDialog.js';
import { ExpertFilters, type ExpertFilterValues } from '../components/experts/ExpertFilters.js';
import { ExpertImport, type ImportProblems } from '../components/experts/ExpertImport.js';
import { useSession } from '../session.js';

const filterKeys = ['field', 'unitId', 'active', 'q'] as const;

/**
 * 专家库: the province officer keeps the experts the review panels are drawn from — fields, home unit, contact,
 * declared relationships — one at a time or as an Excel file (exported, edited, imported back: a file with any
 * problem imports nothing and lists each). The division head reads it. The filters live in the address.
 */
export function ExpertsPage() {
  const { message } = App.useApp();
  const keeper = useSession().account?.role === 'province-officer';
  const [params, setParams] = useSearchParams();
  const filters: ExpertFilterValues = Object.fromEntries(filterKeys.flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : [])));
  const query = new URLSearchParams(filters as Record<string, string>).toString();
  const suffix = query ? `?${query}` : '';
  const remote = useRemote(`/api/experts${suffix}`, expertList);
  const directions = remote.data?.directions ?? [];
  const directionLabel = (code: string) => directions.find((d) => d.code === code)?.label ?? code;
  const [dialog, setDialog] = useState<{ editing?: ExpertView }>();
  const [busyId, setBusyId] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [importProblems, setImportProblems] = useState<ImportProblems>();

  async function setActive(expert: ExpertView, active: boolean) {
    setBusyId(expert.id);
    setProblem(undefined);
    try {
      await api('PUT', `/api/experts/${expert.id}`, expertView, entryOf(expert, active));
      message.success(active ? `已启用 ${expert.name}` : `已停用 ${expert.name}`);
      await remote.reload();
    } catch (caught) {
      setProblem(`${active ? '未能启用' : '未能停用'} ${expert.name}：${fieldsOf(caught)[0]?.message ?? messageOf(caught)}`);
    } finally {
      setBusyId(undefined);
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} aria-busy={remote.loading || busyId !== undefined}>
      <Flex justify="space-between" align="center" wrap gap="middle">
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>专家库</Typography.Title>
        <Space wrap>
          <ExportButton href={`/api/experts.xlsx${suffix}`} label="导出 Excel" />
          {keeper && <ExpertImport onImported={() => void remote.reload()} onRefused={setImportProblems} />}
          {keeper && <Button type="primary" onClick={() => setDialog({})}>新增专家</Button>}
        </Space>
      </Flex>
      <Typography.Paragraph style={{ margin: 0 }}>
        评审专家从启用的专家中按评审领域随机抽取，并按工作单位、所属地区和关联关系回避。导出的 Excel 可修改后再导入（新增专家时「专家编号」留空）；
        导入前检查全部行，任何一处有误都不导入，并列出每处问题。
      </Typography.Paragraph>
      {remote.error && <LoadError what="专家库" error={remote.error} onRetry={() => void remote.reload()} />}
      {problem && <Alert type="error" showIcon role="alert" title={problem} closable onClose={() => setProblem(undefined)} />}
      {importProblems && (
        <Alert type="error" showIcon role="alert" title={importProblems.title} closable onClose={() => setImportProblems(undefined)}
          description={importProblems.fields.length ? <ul style={{ margin: 0 }} aria-label="导入的问题">{importProblems.fields.map((f) => <li key={f.path}>{f.message}</li>)}</ul> : undefined} />
      )}
      <Card>
        <div style={{ marginBottom: 16 }}>
          <ExpertFilters key={params.get('q') ?? ''} values={filters} directions={directions}
            onChange={(values) => setParams(Object.fromEntries(Object.entries(values).filter(([, v]) => v)) as Record<string, string>)} />
        </div>
        <Table<ExpertView> rowKey="id" dataSource={remote.data?.experts ?? []} loading={remote.loading} size="middle"
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, showTotal: (total: number) => `共 ${total} 位专家` }}
          locale={{ emptyText: <Empty description={query ? '没有符合筛选条件的专家。' : '专家库还没有专家。可逐个新增，或导入 Excel。'} /> }}
          columns={expertColumns(directionLabel, keeper ? { busyId, edit: (e) => setDialog({ editing: e }), setActive: (e, a) => void setActive(e, a) } : undefined)} />
      </Card>
      {dialog && <ExpertDialog editing={dialog.editing} directions={directions} onClose={() => setDialog(undefined)}
        onSaved={(saved) => {
          message.success(dialog.editing ? `已保存 ${saved.name}` : `已新增专家 ${saved.name}`);
          setDialog(undefined);
          void remote.reload();
        }} />}
    </Space>
  );
}

// helpers

/** The whole entry of a listed expert, with another state: what 停用 and 启用 send. */
function entryOf(expert: ExpertView, active: boolean): Record<string, unknown> {
  return {
    name: expert.name, organisation: expert.organisation, organisationUscc: expert.organisationUscc, homeUnitId: expert.homeUnitId, fields: expert.fields,
    title: expert.title, phone: expert.phone, email: expert.email, active, accountUsername: expert.accountUsername,
    relationships: expert.relationships,
  };
}
