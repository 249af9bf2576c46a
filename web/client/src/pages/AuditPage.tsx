import { Card, Flex, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { callList } from '../../../server/schemas/applications.js';
import { auditPage } from '../../../server/schemas/audit.js';
import { AuditFilterForm, type AuditCriteria } from '../components/audit/AuditFilterForm.js';
import { AuditTable } from '../components/audit/AuditTable.js';
import { ExportButton } from '../components/dashboard/ExportButton.js';
import { LoadError } from '../components/dashboard/LoadError.js';
import { useRemote } from '../components/dashboard/use-remote.js';

const single = ['callId', 'unitId', 'actor', 'applicationId', 'from', 'to'] as const;

/** The filters the address holds. */
function criteriaOf(params: URLSearchParams): AuditCriteria {
  const criteria: AuditCriteria = {};
  for (const key of single) {
    const value = params.get(key);
    if (value) criteria[key] = value;
  }
  const actions = params.getAll('action').filter(Boolean);
  if (actions.length) criteria.action = actions;
  return criteria;
}

/** The filters as the API's query (also the export's). */
function queryOf(criteria: AuditCriteria): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of single) if (criteria[key]) query.set(key, criteria[key]);
  for (const action of criteria.action ?? []) query.append('action', action);
  return query;
}

/**
 * 操作日志: who did what, when, to which record — for the province and administrators. Filters live in the address;
 * the list is paged on the server, and 导出Excel gives every matching row (up to 10,000).
 */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  // Keyed by the text of the address's query: the form's draft is reset only when the applied filters change.
  const search = params.toString();
  const criteria = useMemo(() => criteriaOf(new URLSearchParams(search)), [search]);
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 50;
  const filterQuery = queryOf(criteria).toString();
  const remote = useRemote(`/api/audit?${filterQuery}${filterQuery ? '&' : ''}page=${page}&pageSize=${pageSize}`, auditPage);
  const calls = useRemote('/api/calls', callList);
  const apply = (next: AuditCriteria, nextPage = 1, nextSize = pageSize) => {
    const query = queryOf(next);
    if (nextPage > 1) query.set('page', String(nextPage));
    if (nextSize !== 50) query.set('pageSize', String(nextSize));
    setParams(query);
  };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>操作日志</Typography.Title>
        <ExportButton href={`/api/audit.xlsx${filterQuery ? `?${filterQuery}` : ''}`} label="导出Excel" />
      </Flex>
      <Card>
        <AuditFilterForm criteria={criteria} calls={calls.data ?? []} onApply={(next) => apply(next)} />
      </Card>
      {remote.error && <LoadError what="操作日志" error={remote.error} onRetry={() => void remote.reload()} />}
      <div aria-busy={remote.loading}>
        <AuditTable rows={remote.data?.rows ?? []} total={remote.data?.total ?? 0} page={page} pageSize={pageSize} loading={remote.loading}
          onPage={(nextPage, nextSize) => apply(criteria, nextSize === pageSize ? nextPage : 1, nextSize)} />
      </div>
    </Space>
  );
}
