// The execution platform attributes the desktop Camunda Modeler writes and reads: a file without them opens as a
// Camunda 8 model there, and the Camunda 7 compatibility checks would not apply.

export const MODELER_NAMESPACE = 'http://camunda.org/schema/modeler/1.0';
export const EXECUTION_PLATFORM = 'Camunda Platform';
export const EXECUTION_PLATFORM_VERSION = '7.24.0';

/** The execution platform and version a parsed BPMN or DMN definitions element declares, by whatever prefix. */
export function executionPlatformOf(attrs: Readonly<Record<string, string>>): { platform?: string; version?: string } {
  const prefix = Object.entries(attrs).find(([name, value]) => name.startsWith('xmlns:') && value === MODELER_NAMESPACE)?.[0].slice('xmlns:'.length);
  if (!prefix) return {};
  return { platform: attrs[`${prefix}:executionPlatform`], version: attrs[`${prefix}:executionPlatformVersion`] };
}

/** True for Camunda Platform 7.24 (any patch release). */
export function isCamunda724(platform: string | undefined, version: string | undefined): boolean {
  return platform === EXECUTION_PLATFORM && /^7\.24(\.\d+)?$/.test(version ?? '');
}

/**
 * Adds the execution platform attributes to the root element of BPMN or DMN XML when they are missing, changing
 * nothing else in the text (so the file stays equal to the stored version as a model).
 */
export function withXmlExecutionPlatform(xml: string): string {
  const root = /<(?:[\w.-]+:)?definitions\b[^>]*>/.exec(xml);
  if (!root) return xml;
  let tag = root[0];
  let prefix = new RegExp(`xmlns:([\\w.-]+)="${MODELER_NAMESPACE.replaceAll('.', '\\.')}"`).exec(tag)?.[1];
  const additions: string[] = [];
  if (!prefix) {
    prefix = tag.includes('xmlns:modeler=') ? 'camundaModeler' : 'modeler';
    additions.push(`xmlns:${prefix}="${MODELER_NAMESPACE}"`);
  }
  if (!new RegExp(`\\s${prefix}:executionPlatform=`).test(tag)) additions.push(`${prefix}:executionPlatform="${EXECUTION_PLATFORM}"`);
  if (!new RegExp(`\\s${prefix}:executionPlatformVersion=`).test(tag)) additions.push(`${prefix}:executionPlatformVersion="${EXECUTION_PLATFORM_VERSION}"`);
  if (!additions.length) return xml;
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  tag = `${tag.slice(0, end).trimEnd()} ${additions.join(' ')}${tag.slice(end)}`;
  return xml.slice(0, root.index) + tag + xml.slice(root.index + root[0].length);
}

/** A form-js schema with the execution platform fields the desktop Modeler writes, if they were missing. */
export function withFormExecutionPlatform(content: string): string {
  const form = JSON.parse(content) as Record<string, unknown>;
  if (form.executionPlatform === EXECUTION_PLATFORM && typeof form.executionPlatformVersion === 'string' && isCamunda724(EXECUTION_PLATFORM, form.executionPlatformVersion)) {
    return content;
  }
  return `${JSON.stringify({ ...form, executionPlatform: EXECUTION_PLATFORM, executionPlatformVersion: EXECUTION_PLATFORM_VERSION }, null, 2)}\n`;
}
