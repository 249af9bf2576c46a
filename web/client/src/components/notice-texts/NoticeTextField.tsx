import { Button, Flex, Input, Typography } from 'antd';
import { useRef } from 'react';
import { tagColors } from '../../labels.js';
import type { NoticeTextEntry } from '../../../../server/schemas/notice-texts.js';

/**
 * One text of a notice: its name and use, the text (one line for a title), the placeholders it may use as buttons
 * that insert one where the cursor is, and the problems a save would meet.
 */
export function NoticeTextField({ entry, label, value, problems, onChange }: { entry: NoticeTextEntry; label: string; value: string; problems: string[]; onChange(text: string): void }) {
  const caret = useRef<number | undefined>(undefined);
  const id = `notice-text-${entry.key}`;
  const remember = (target: EventTarget) => {
    caret.current = (target as HTMLInputElement | HTMLTextAreaElement).selectionStart ?? undefined;
  };
  const insert = (name: string) => {
    const at = caret.current ?? value.length;
    const placeholder = `{${name}}`;
    caret.current = at + placeholder.length;
    onChange(value.slice(0, at) + placeholder + value.slice(at));
  };
  const events = {
    id,
    value,
    status: problems.length ? ('error' as const) : undefined,
    'aria-describedby': `${id}-usage${problems.length ? ` ${id}-problems` : ''}`,
    onSelect: (event: { target: EventTarget }) => remember(event.target),
    onChange: (event: { target: EventTarget & { value: string } }) => {
      remember(event.target);
      onChange(event.target.value);
    },
  };
  return (
    <Flex vertical gap={4} role="group" aria-labelledby={`${id}-label`}>
      <label htmlFor={id} id={`${id}-label`}><Typography.Text strong>{label}</Typography.Text></label>
      <Typography.Text type="secondary" id={`${id}-usage`}>{entry.usage}{entry.singleLine ? '（只能一行）' : ''}</Typography.Text>
      {entry.singleLine ? <Input {...events} /> : <Input.TextArea {...events} autoSize={{ minRows: 1, maxRows: 6 }} />}
      <Flex gap={4} wrap align="center">
        <Typography.Text type="secondary">插入占位符：</Typography.Text>
        {entry.placeholders.map((p) => (
          <Button key={p.name} size="small" onClick={() => insert(p.name)}>{`{${p.name}} ${p.label}`}</Button>
        ))}
      </Flex>
      {problems.length > 0 && (
        <ul id={`${id}-problems`} style={{ margin: 0, paddingLeft: 20, color: tagColors.bad }}>
          {problems.map((problem) => <li key={problem}>{problem}</li>)}
        </ul>
      )}
    </Flex>
  );
}
