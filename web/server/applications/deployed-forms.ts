import type { DeployedFormReader } from '../../../platform/deployed-form-reader.js';
import type { EngineApi } from '../../../platform/engine-api.js';

/** The process whose deployment carries the application forms. */
export const DECLARATION_PROCESS = 'declaration';

export { applicationFormIds } from '../../../domain/application-forms.js';

/**
 * The forms of the declaration process version new applications start on, so the server validates a submission
 * against exactly the form that version was deployed with.
 */
export function deployedForms(engine: EngineApi, reader: DeployedFormReader) {
  return {
    async current(formId: string): Promise<{ form: unknown; processDefinitionId: string }> {
      const definition = await engine.latestProcessDefinition(DECLARATION_PROCESS);
      return { form: await reader.form(definition.id, formId), processDefinitionId: definition.id };
    },
  };
}

export type DeployedForms = ReturnType<typeof deployedForms>;
