import type { Queryable } from '../../../platform/database.js';
import type { DeployedFormReader } from '../../../platform/deployed-form-reader.js';
import type { EngineApi } from '../../../platform/engine/index.js';
import { definitionForCall } from '../../../store/release-repository.js';

/** The process whose deployment carries the application forms. */
export const DECLARATION_PROCESS = 'declaration';

export { applicationFormIds } from '../../../domain/application-forms.js';

/**
 * The forms of the declaration process version an application runs on: for a new one, the release its call starts
 * new applications on (the call's set), so the server validates a submission against exactly the form that version
 * was deployed with and starts it on that very definition; for a running one, its own instance's version.
 */
export function deployedForms(engine: EngineApi, reader: DeployedFormReader, db: Queryable) {
  return {
    async forCall(callId: string, formId: string): Promise<{ form: unknown; processDefinitionId: string }> {
      // Without any release (models deployed outside the studio), the engine's latest version.
      const processDefinitionId = (await definitionForCall(db, callId, DECLARATION_PROCESS)) ?? (await engine.latestProcessDefinition(DECLARATION_PROCESS)).id;
      return { form: await reader.form(processDefinitionId, formId), processDefinitionId };
    },
    ofInstance(processInstanceId: string, formId: string): Promise<unknown> {
      return reader.formOfInstance(processInstanceId, formId);
    },
  };
}

export type DeployedForms = ReturnType<typeof deployedForms>;
