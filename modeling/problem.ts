// What every check of modeling/ answers with, in the browser while editing and on the server before a deploy.

/** The three kinds of model the studio keeps. */
export const modelKinds = ['process', 'form', 'decision'] as const;

/** One kind of model: a BPMN process, a form-js form, or a DMN decision. */
export type ModelKind = (typeof modelKinds)[number];

/** One finding of a check: the rule, the element it is about ('' for the whole model), and a message in Chinese. */
export interface Problem {
  rule: string;
  elementId: string;
  message: string;
  /** An error blocks a deploy; a warning does not. */
  category: 'error' | 'warn';
}

/** The file extension of each kind, as the desktop Camunda Modeler writes it. */
export const fileExtensions: Readonly<Record<ModelKind, string>> = { process: '.bpmn', form: '.form', decision: '.dmn' };

/** The kind of a model file by its name, if it is one. */
export function kindOfFileName(fileName: string): ModelKind | undefined {
  const lower = fileName.toLowerCase();
  return modelKinds.find((kind) => lower.endsWith(fileExtensions[kind]));
}
