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
 * 本单位入库项目: the projects the unit's submitted batches brought to the province, with their library status,
 * filtered by call, direction, category and status; 导出Excel gives the filtered list. The server fixes the unit.
 */
export function UnitProjectsPage() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const criteria = useMemo(() => {
    const { unitId: _ignored, ...rest } = criteriaOf(new URLSearchParams(search));
    return rest;
  }, [search]);
  const query = queryOf(criteria);
  const suffix = query ? `?${query}` : '';
  const list = useRemote(`/api/my-unit/projects${suffix}`, libraryList);
  const calls = useRemote('/api/calls', callList);
  const apply = (next: LibraryCriteria) => setParams(new URLSearchParams(queryOf(next)));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap="middle">
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>本单位入库项目</Typography.Title>
        <ExportButton href={`/api/my-unit/projects.xlsx${suffix}`} label="导出Excel" />
      </Flex>
      <Card>
        <LibraryFilters criteria={criteria} calls={calls.data ?? []} directions={list.data?.directions ?? []} withUnit={false} onChange={apply} />
      </Card>
      {calls.error && <LoadError what="申报批次" error={calls.error} onRetry={() => void calls.reload()} />}
      {list.error && <LoadError what="本单位入库项目" error={list.error} onRetry={() => void list.reload()} />}
      <div aria-busy={list.loading}>
        <LibraryTable rows={list.data?.rows ?? []} loading={list.loading} withUnit={false}
          emptyText={query ? '没有符合筛选条件的项目。' : '本单位还没有报送到省厅的项目。推荐批次报送后，其中的项目会出现在这里。'} />
      </div>
    </Space>
  );
}
