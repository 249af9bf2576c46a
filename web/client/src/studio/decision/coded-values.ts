// The coded values a decision table compares and yields ("single-coverage", "it-pilot") are the stable English ids
// the applications store; an administrator reads them by the Chinese labels the domain gives them.
import { enterpriseKindLabels, integrationStageLabels, projectTypeLabels } from '../../../../../domain/application.js';
import { directions, templates } from '../../../../../domain/directions.js';
import { priorityQualifications } from '../../../../../domain/priority.js';
import { reportingUnits } from '../../../../../domain/units.js';

/** One coded value the table uses, with what it means. */
export interface CodedValue {
  code: string;
  /** The Chinese label, with the list it comes from: `单项覆盖（两化融合阶段）`; several when lists share a code. */
  meanings: string[];
}

const lists: readonly { title: string; labels: Readonly<Record<string, string>> }[] = [
  { title: '两化融合阶段', labels: integrationStageLabels },
  { title: '申报方向', labels: Object.fromEntries(directions.map((direction) => [direction.code, direction.label])) },
  { title: '优先条件', labels: Object.fromEntries(priorityQualifications.map((entry) => [entry.code, entry.label])) },
  { title: '申报书类别', labels: Object.fromEntries(templates.map((template) => [template.code, template.label])) },
  { title: '企业类型', labels: enterpriseKindLabels },
  { title: '项目类型', labels: projectTypeLabels },
  { title: '申报单位', labels: Object.fromEntries(reportingUnits.map((unit) => [unit.id, unit.name])) },
];

/** The coded string values a DMN file's expressions and entries use, in order of first use, each with its meanings. */
export function codedValuesOf(xml: string): CodedValue[] {
  const found = new Map<string, CodedValue>();
  for (const code of stringLiterals(xml)) {
    if (found.has(code)) continue;
    const meanings = lists.filter((list) => Object.hasOwn(list.labels, code)).map((list) => `${list.labels[code]}（${list.title}）`);
    if (meanings.length) found.set(code, { code, meanings });
  }
  return [...found.values()];
}

// helpers

// FEEL string literals inside the file's <text> elements (input expressions, entries, output values).
function stringLiterals(xml: string): string[] {
  const texts = [...xml.matchAll(/<(?:[\w.-]+:)?text>([^]*?)<\/(?:[\w.-]+:)?text>/g)].map((match) => unescapeXml(match[1]!));
  return texts.flatMap((text) => [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]!));
}

function unescapeXml(value: string): string {
  return value.replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}
