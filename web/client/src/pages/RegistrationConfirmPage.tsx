import { Result, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { registrationConfirmed } from '../../../server/schemas/registrations.js';
import { api, messageOf } from '../api.js';
import { PublicCard } from '../components/registrations/PublicCard.js';

/** The mailed confirmation link: confirms on open, then says whose approval it waits for, or why the link failed. */
export function RegistrationConfirmPage() {
  const { token = '' } = useParams();
  const [state, setState] = useState<{ kind: 'busy' } | { kind: 'done'; unitName: string } | { kind: 'failed'; message: string }>({ kind: 'busy' });
  // A link works once: send it once per page, even when React runs the effect twice (StrictMode).
  const sent = useRef<string>(undefined);
  useEffect(() => {
    if (sent.current === token) return;
    sent.current = token;
    api('POST', '/api/registrations/confirmation', registrationConfirmed, { token })
      .then((answer) => setState({ kind: 'done', unitName: answer.unitName }))
      .catch((error: unknown) => setState({ kind: 'failed', message: messageOf(error) }));
  }, [token]);
  return (
    <PublicCard title="确认注册邮箱">
      {state.kind === 'busy' && <Spin description="正在确认…"><div style={{ minHeight: 80 }} /></Spin>}
      {state.kind === 'done' && <Result status="success" title="邮箱已确认" subTitle={`注册已提交${state.unitName}审核，审核通过后将邮件通知您，届时即可登录。`} />}
      {state.kind === 'failed' && <Result status="warning" title="无法确认" subTitle={state.message} />}
    </PublicCard>
  );
}
