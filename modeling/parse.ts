/// <reference path="./vendor.d.ts" />
// Parsing BPMN and DMN the way bpmn-js and dmn-js do, with the Camunda 7 extensions, in the browser and in Node.
import { BpmnModdle, type ModdleElement, type ParseWarning } from 'bpmn-moddle';
import camundaBpmn from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import camundaDmn from 'camunda-dmn-moddle/resources/camunda.json' with { type: 'json' };
import { DmnModdle } from 'dmn-moddle';
import { chineseParseMessage } from './parse-messages.js';
import type { Problem } from './problem.js';

export type { ModdleElement } from 'bpmn-moddle';

/** A parsed model: its root element and what the reader could not place. */
export interface Parsed {
  definitions: ModdleElement;
  warnings: ParseWarning[];
}

/** Parses BPMN 2.0 XML with camunda-bpmn-moddle; throws on XML that is not well-formed or not BPMN. */
export async function parseBpmn(xml: string): Promise<Parsed> {
  const { rootElement, warnings } = await BpmnModdle({ camunda: camundaBpmn }).fromXML(xml, 'bpmn:Definitions');
  return { definitions: rootElement, warnings };
}

/** Parses DMN 1.3 XML with camunda-dmn-moddle; throws on XML that is not well-formed or not DMN. */
export async function parseDmn(xml: string): Promise<Parsed> {
  const { rootElement, warnings } = await DmnModdle({ camunda: camundaDmn }).fromXML(xml, 'dmn:Definitions');
  return { definitions: rootElement, warnings };
}

/** The problem of a model the parser refused. */
export function unparseable(error: unknown): Problem {
  const detail = chineseParseMessage(error instanceof Error ? error.message : String(error));
  return { rule: 'parse', elementId: '', message: `无法解析模型文件：${detail}`, category: 'error' };
}

/** Parse warnings as problems: the desktop Camunda Modeler would report them on import too. */
export function warningProblems(warnings: readonly ParseWarning[]): Problem[] {
  return warnings.map((warning) => ({
    rule: 'parse',
    elementId: warning.element?.id ?? '',
    message: `模型文件有无法读取的部分：${chineseParseMessage(warning.message)}`,
    category: 'warn' as const,
  }));
}
