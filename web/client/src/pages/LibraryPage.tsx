import { Card, Flex, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { callList } from '../../../server/schemas/applications.js';
import { libraryList } from '../../../server/schemas/library.js';
import { ExportButton } from '../components/dashboard/ExportButton.js';
import { LoadError } from '../components/dashboard/LoadError.js';
import { useRemote } from '../components/dashboard/use-remote.js';
import { LibraryFilters } from '../components/library/LibraryFilters.js';
import { LibraryTable } from '../components/library/LibraryTable.js';
import { criteriaOf, queryOf, type LibraryCriteria } from '../components/library/library-criteria.js';

/**
 * 省级重点项目库: every unit's projects for the province's roles, filtered by call, unit, direction, category and
 * status (the filters live in the address), in project-number order; 导出Excel and 导出PDF give the filtered list.
 */
export function LibraryPage() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const criteria = useMemo(() => criteriaOf(new URLSearchParams(search)), [search]);
  const query = queryOf(criteria);
  const suffix = query ? `?${query}` : '';
  const list = useRemote(`/api/library${suffix}`, libraryList);
  const calls = useRemote('/api/calls', callList);
  const apply = (next: LibraryCriteria) => setParams(new URLSearchParams(queryOf(next)));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap="middle">
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>省级重点项目库</Typography.Title>
        <Space>
          <ExportButton href={`/api/library.xlsx${suffix}`} label="导出Excel" />
          <ExportButton href={`/api/library.pdf${suffix}`} label="导出PDF" />
        </Space>
      </Flex>
      <Card>
        <LibraryFilters criteria={criteria} calls={calls.data ?? []} directions={list.data?.directions ?? []} withUnit onChange={apply} />
      </Card>
      {calls.error && <LoadError what="申报批次" error={calls.error} onRetry={() => void calls.reload()} />}
      {list.error && <LoadError what="省级重点项目库" error={list.error} onRetry={() => void list.reload()} />}
      <div aria-busy={list.loading}>
        <LibraryTable rows={list.data?.rows ?? []} loading={list.loading} withUnit
          emptyText={query ? '没有符合筛选条件的项目。' : '省级重点项目库暂无项目。各单位报送推荐批次后，项目会出现在这里。'} />
      </div>
    </Space>
  );
}
