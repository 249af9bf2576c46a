import { Button, Card, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { CallSettings } from '../../../../server/schemas/calls.js';
import { FieldProblems } from './FieldProblems.js';
import { useCallChange } from './use-call-change.js';

type Contact = CallSettings['contacts'][number];
const columns: { key: keyof Contact; label: string; width: number }[] = [
  { key: 'role', label: '联系事项', width: 160 }, { key: 'name', label: '联系人', width: 140 }, { key: 'phone', label: '电话', width: 150 },
  { key: 'email', label: '邮箱', width: 190 }, { key: 'address', label: '地址', width: 260 },
];

/** 联系人: whom applicants ask, one row per matter. */
export function CallContactsCard({ settings, readOnly, onSaved }: { settings: CallSettings; readOnly: boolean; onSaved(next: CallSettings): void }) {
  const [contacts, setContacts] = useState<Contact[]>(settings.contacts);
  const change = useCallChange(onSaved);
  useEffect(() => setContacts(settings.contacts), [settings]);
  const edit = (index: number, key: keyof Contact, value: string) => setContacts((list) => list.map((c, i) => (i === index ? { ...c, [key]: value } : c)));
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>联系人</h2>}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {contacts.map((contact, index) => (
          <Space key={index} wrap>
            {columns.map((column) => (
              <Input key={column.key} aria-label={`第 ${index + 1} 位联系人的${column.label}`} placeholder={column.label} style={{ width: column.width }} disabled={readOnly}
                value={contact[column.key] ?? ''} onChange={(e) => edit(index, column.key, e.target.value)} />
            ))}
            {!readOnly && <Button onClick={() => setContacts((list) => list.filter((_, i) => i !== index))}>删除</Button>}
          </Space>
        ))}
        {!readOnly && (
          <Space>
            <Button onClick={() => setContacts((list) => [...list, { role: '', name: '', phone: '' }])}>添加联系人</Button>
            <Button type="primary" loading={change.busy} onClick={() => change.send('PUT', `/api/calls/${settings.id}/contacts`, '联系人已保存', {
              contacts: contacts.map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== ''))),
            })}>保存联系人</Button>
          </Space>
        )}
        {change.problem && <FieldProblems {...change.problem} />}
      </Space>
    </Card>
  );
}
