import { Input, Select, Space } from 'antd';
import { reportingUnits } from '../../../../../domain/units.js';

/** The pool's filters; each lives in the address (field, unitId, active, q). */
export interface ExpertFilterValues {
  field?: string;
  unitId?: string;
  active?: string;
  q?: string;
}

/** 评审领域, 所属地区, 状态, 姓名、单位或电话: a change applies at once (the text on Enter or the search button). */
export function ExpertFilters({ values, directions, onChange }: {
  values: ExpertFilterValues;
  directions: readonly { code: string; label: string }[];
  onChange(values: ExpertFilterValues): void;
}) {
  const set = (key: keyof ExpertFilterValues, value: string | undefined) => onChange({ ...values, [key]: value || undefined });
  return (
    <Space wrap>
      <label htmlFor="experts-field">评审领域</label>
      <Select id="experts-field" style={{ width: 220 }} showSearch optionFilterProp="label" value={values.field ?? ''} onChange={(v: string) => set('field', v)}
        options={[{ value: '', label: '全部领域' }, ...directions.map((d) => ({ value: d.code, label: d.label }))]} />
      <label htmlFor="experts-unit">所属地区</label>
      <Select id="experts-unit" style={{ width: 130 }} showSearch optionFilterProp="label" value={values.unitId ?? ''} onChange={(v: string) => set('unitId', v)}
        options={[{ value: '', label: '全部地区' }, ...reportingUnits.map((u) => ({ value: u.id, label: u.name }))]} />
      <label htmlFor="experts-state">状态</label>
      <Select id="experts-state" style={{ width: 100 }} value={values.active ?? ''} onChange={(v: string) => set('active', v)}
        options={[{ value: '', label: '全部' }, { value: 'true', label: '启用' }, { value: 'false', label: '已停用' }]} />
      <Input.Search aria-label="姓名、工作单位或电话" placeholder="姓名、工作单位或电话" allowClear style={{ width: 240 }} defaultValue={values.q} enterButton="查询"
        onSearch={(q) => set('q', q.trim())} />
    </Space>
  );
}
