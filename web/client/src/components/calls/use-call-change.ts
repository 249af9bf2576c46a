import { App } from 'antd';
import { useState } from 'react';
import { callSettings, type CallSettings } from '../../../../server/schemas/calls.js';
import { api, fieldsOf, messageOf, postForm, type FieldError } from '../../api.js';

/** Sends one change of a call's settings: busy while it runs, the refusal's message and fields, the new settings on success. */
export function useCallChange(onSaved: (settings: CallSettings) => void) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; fields: FieldError[] }>();
  async function run(send: () => Promise<CallSettings>, done: string) {
    setBusy(true);
    setProblem(undefined);
    try {
      const saved = await send();
      onSaved(saved);
      void message.success(done);
      return saved;
    } catch (caught) {
      const fields = fieldsOf(caught);
      setProblem({ title: `未能保存：${fields[0]?.message ?? messageOf(caught)}`, fields });
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return {
    busy,
    problem,
    send: (method: 'POST' | 'PUT' | 'DELETE', url: string, done: string, body?: unknown) => run(() => api(method, url, callSettings, body), done),
    upload: (url: string, form: FormData, done: string) => run(() => postForm(url, form, callSettings), done),
  };
}
