import { Typography } from 'antd';
import { useId, useState } from 'react';
import { registrationFileView } from '../../../../server/schemas/registrations.js';
import { messageOf, postForm } from '../../api.js';

/** One file of a registration (营业执照 or 授权书), uploaded as soon as it is picked; reports the file's id. */
export function RegistrationFileInput({ label, onUploaded }: { label: string; onUploaded: (fileId: string | undefined) => void }) {
  const id = useId();
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; name: string } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  return (
    <div style={{ marginBottom: 16 }}>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>{label}（PDF、JPG 或 PNG）</label>
      <input id={id} type="file" accept=".pdf,.jpg,.jpeg,.png" onChange={async (event) => {
        const file = event.target.files?.[0];
        onUploaded(undefined);
        if (!file) return setState({ kind: 'idle' });
        setState({ kind: 'busy' });
        const form = new FormData();
        form.set('file', file, file.name);
        try {
          const uploaded = await postForm('/api/registration-files', form, registrationFileView);
          onUploaded(uploaded.fileId);
          setState({ kind: 'done', name: uploaded.fileName });
        } catch (error) {
          setState({ kind: 'failed', message: `${file.name}：${messageOf(error)}` });
        }
      }} />
      {state.kind === 'busy' && <Typography.Text>正在上传…</Typography.Text>}
      {state.kind === 'done' && <Typography.Text>已上传：{state.name}</Typography.Text>}
      {state.kind === 'failed' && <Typography.Text type="danger" role="alert">{state.message}</Typography.Text>}
    </div>
  );
}
