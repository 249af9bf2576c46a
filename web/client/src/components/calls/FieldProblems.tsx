import { Alert } from 'antd';
import type { FieldError } from '../../api.js';

/** A refused change: the server's message and each field's problem, as an alert. */
export function FieldProblems({ title, fields }: { title: string; fields: FieldError[] }) {
  const distinct = fields.filter((field, index) => fields.findIndex((f) => f.message === field.message) === index);
  return (
    <Alert type="error" showIcon role="alert" title={title}
      description={distinct.length > 1 ? <ul aria-label="未保存的原因" style={{ margin: 0, paddingLeft: 20 }}>{distinct.map((f) => <li key={f.path + f.message}>{f.message}</li>)}</ul> : undefined} />
  );
}
