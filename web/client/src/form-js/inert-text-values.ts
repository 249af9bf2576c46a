import { Text, useTemplateEvaluation } from '@bpmn-io/form-js-viewer';

// form-js's text component inserts template values ({{projectName}}) into its markdown as they are, so a value is
// read as markdown and HTML: `<script>…</script>项目` came out as markup that form-js's sanitizer removed, and the
// review form's 项目名称 stayed blank. form-js escapes the values of its html component (escapeHTML); this does the
// same for text, through form-js's own field registry: a value an applicant typed is shown as the literal text it is.

/** ASCII punctuation, every character markdown (and its inline HTML) may read as syntax; CommonMark escapes each with `\`. */
const markdownSyntax = /[!-/:-@[-`{-~]/g;

/** A template value as markdown that renders as exactly its own text. */
export function literalMarkdown(value: unknown): string {
  return String(value ?? '').replace(markdownSyntax, (character) => `\\${character}`);
}

type TextProps = { field: { text?: string; strict?: boolean } & Record<string, unknown> } & Record<string, unknown>;

/** form-js's text component with the template evaluated first, each inserted value escaped for markdown. */
function InertText(props: TextProps) {
  const { text = '', strict = false } = props.field;
  const evaluated = String(useTemplateEvaluation(text, { debug: true, strict, sanitizer: literalMarkdown }) ?? '');
  // Text evaluates its text again: what remains must not read as a template (an escaped value has no `{{`; a leading
  // `=` would start a FEEL expression, and `\=` renders as `=`).
  const markdown = evaluated.startsWith('=') ? `\\${evaluated}` : evaluated;
  return Text({ ...props, field: { ...props.field, text: markdown } });
}
InertText.config = Text.config;

function InertTextValues(formFields: { register(type: string, component: unknown): void }) {
  formFields.register('text', InertText);
}
InertTextValues.$inject = ['formFields'];

/** The form-js module (for `additionalModules`) that renders template values in text components as literal text. */
export const inertTextValues = { __init__: ['inertTextValues'], inertTextValues: ['type', InertTextValues] };
