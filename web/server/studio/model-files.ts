import { withFormExecutionPlatform, withXmlExecutionPlatform } from '../../../modeling/execution-platform.js';
import { fileExtensions } from '../../../modeling/problem.js';
import type { ModelVersion } from '../../../store/model-version-repository.js';

/**
 * A version as a file the desktop Camunda Modeler opens: the stored content with the Camunda 7.24 execution
 * platform declared (added only when missing; nothing else changes, so it equals the stored version as a model).
 */
export function exportedFile(version: ModelVersion): { fileName: string; contentType: string; content: string } {
  const extension = fileExtensions[version.kind];
  const fileName = version.fileName.endsWith(extension) ? version.fileName : `${version.key}${extension}`;
  if (version.kind === 'form') return { fileName, contentType: 'application/json; charset=utf-8', content: withFormExecutionPlatform(version.content) };
  return { fileName, contentType: 'application/xml; charset=utf-8', content: withXmlExecutionPlatform(version.content) };
}
