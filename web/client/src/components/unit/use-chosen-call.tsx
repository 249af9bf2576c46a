import { Select } from 'antd';
import { useSearchParams } from 'react-router';
import { callList } from '../../../../server/schemas/applications.js';
import { useRemote } from '../dashboard/use-remote.js';

/**
 * The call (申报批次) a unit's page is about: the one named in the address (?call=), else the newest. The chooser
 * keeps the choice in the address, so a link shows the same call.
 */
export function useChosenCall() {
  const [params, setParams] = useSearchParams();
  const calls = useRemote('/api/calls', callList);
  const callId = params.get('call') ?? calls.data?.[0]?.id;
  const call = calls.data?.find((c) => c.id === callId);
  const chooser = (
    <Select aria-label="申报批次" style={{ width: 360 }} loading={calls.loading} value={callId}
      onChange={(id: string) => setParams((current) => {
        const next = new URLSearchParams(current);
        next.set('call', id);
        return next;
      }, { replace: true })}
      options={calls.data?.map((c) => ({ value: c.id, label: c.title }))} />
  );
  return { calls, callId, call, chooser };
}
