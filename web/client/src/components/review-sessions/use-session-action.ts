import { App } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { api, fieldsOf, messageOf, type FieldError } from '../../api.js';

// One runner for the officer's actions on a session's page: it disables the action's button while it runs, shows
// the server's message when it fails (a 409's shortfall names the project and the numbers), and reloads the view.

/** An action that failed: what was tried, the server's message, its field problems. */
export interface ActionProblem {
  title: string;
  message: string;
  fields: FieldError[];
}

/** The answer of a seat or draw action: the page reloads the view, so whatever the server answers with will do. */
export const anyAnswer = z.unknown();

export interface SessionActionRunner {
  /** The key of the action running now, to disable its button. */
  busy: string | undefined;
  problem: ActionProblem | undefined;
  clearProblem(): void;
  /** Runs `send`; on success says `done` and reloads; on failure keeps the problem. Resolves whether it succeeded. */
  run(key: string, failure: string, send: () => Promise<unknown>, done: string): Promise<boolean>;
  /** After a dialog's own request succeeded (the dialog shows its failures itself): says `done` and reloads. */
  succeeded(done: string): Promise<void>;
}

/** The action runner of one session page; `reload` loads the view again. */
export function useSessionAction(reload: () => Promise<unknown>): SessionActionRunner {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string>();
  const [problem, setProblem] = useState<ActionProblem>();

  async function run(key: string, failure: string, send: () => Promise<unknown>, done: string): Promise<boolean> {
    setBusy(key);
    setProblem(undefined);
    try {
      await send();
      void message.success(done);
      return true;
    } catch (caught) {
      setProblem({ title: failure, message: messageOf(caught), fields: fieldsOf(caught) });
      return false;
    } finally {
      await reload();
      setBusy(undefined);
    }
  }

  return {
    busy,
    problem,
    clearProblem: () => setProblem(undefined),
    run,
    succeeded: async (done) => {
      setProblem(undefined);
      void message.success(done);
      await reload();
    },
  };
}
