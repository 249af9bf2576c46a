import { Input, Select, Space } from 'antd';
import { roles } from '../../../../server/identity/roles.js';
import { reportingUnits } from '../../../../../domain/units.js';
import { roleLabels } from '../../labels.js';

/** The administrator's filters of the account list; each lives in the address (role, unitId, q, disabled). */
export interface AccountFilterValues {
  role?: string;
  unitId?: string;
  q?: string;
  disabled?: string;
}

/** 角色, 所属单位, 用户名或姓名, 状态: a change applies at once (the name on Enter or the search button). */
export function AccountFilters({ values, onChange }: { values: AccountFilterValues; onChange(values: AccountFilterValues): void }) {
  const set = (key: keyof AccountFilterValues, value: string | undefined) => onChange({ ...values, [key]: value || undefined });
  return (
    <Space wrap>
      <label htmlFor="accounts-role">角色</label>
      <Select id="accounts-role" style={{ width: 150 }} value={values.role ?? ''} onChange={(v: string) => set('role', v)}
        options={[{ value: '', label: '全部角色' }, ...roles.map((r) => ({ value: r, label: roleLabels[r] ?? r }))]} />
      <label htmlFor="accounts-unit">所属单位</label>
      <Select id="accounts-unit" style={{ width: 150 }} showSearch optionFilterProp="label" value={values.unitId ?? ''} onChange={(v: string) => set('unitId', v)}
        options={[{ value: '', label: '全部单位' }, ...reportingUnits.map((u) => ({ value: u.id, label: u.name }))]} />
      <label htmlFor="accounts-state">状态</label>
      <Select id="accounts-state" style={{ width: 110 }} value={values.disabled ?? ''} onChange={(v: string) => set('disabled', v)}
        options={[{ value: '', label: '全部' }, { value: 'false', label: '启用中' }, { value: 'true', label: '已停用' }]} />
      <Input.Search aria-label="用户名或姓名" placeholder="用户名或姓名" allowClear style={{ width: 220 }} defaultValue={values.q} enterButton="查询"
        onSearch={(q) => set('q', q.trim())} />
    </Space>
  );
}
