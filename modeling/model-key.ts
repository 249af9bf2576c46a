// The stable key of a model, read from its content: processes by their process id, forms by their `id`, decisions
// by their first decision's id (the id a process's camunda:decisionRef names). Plain text scanning, no parser, so it
// is cheap and works on drafts a parser would refuse.
import { z } from 'zod';
import { formComponentSchema, formSchema } from './form-schema.js';
import type { ModelKind } from './problem.js';

/** The key a model's content declares, or undefined when it declares none. */
export function keyOf(kind: ModelKind, content: string): string | undefined {
  switch (kind) {
    case 'process':
      return executableProcessTag(content)?.id;
    case 'form':
      return formId(content);
    case 'decision':
      return firstTag(content, 'decision')?.id;
  }
}

/** The name a model gives itself (process or decision name, a form's first heading), or null. */
export function nameOf(kind: ModelKind, content: string): string | null {
  switch (kind) {
    case 'process':
      return executableProcessTag(content)?.name ?? null;
    case 'decision':
      return firstTag(content, 'decision')?.name ?? null;
    case 'form': {
      const heading = topLevelComponents(content).find((c) => c.type === 'text' && c.text !== undefined)?.text;
      const line = heading?.split('\n').find((l) => l.trim())?.replace(/^#+\s*/, '').trim();
      return line ? line.slice(0, 100) : null;
    }
  }
}

/** Every decision id a DMN file declares. */
export function decisionIdsOf(content: string): string[] {
  return tags(content, 'decision').map((tag) => tag.id).filter((id): id is string => Boolean(id));
}

// helpers

interface Tag {
  id?: string;
  name?: string;
  isExecutable?: string;
}

// The first executable process, else the first process: the one a deployment makes a definition of.
function executableProcessTag(content: string): Tag | undefined {
  const processes = tags(content, 'process');
  return processes.find((p) => p.isExecutable === 'true') ?? processes[0];
}

function firstTag(content: string, localName: string): Tag | undefined {
  return tags(content, localName)[0];
}

function tags(content: string, localName: string): Tag[] {
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${localName}\\b([^>]*)>`, 'g');
  return [...content.matchAll(pattern)].map((match) => ({
    id: attribute(match[1]!, 'id'),
    name: attribute(match[1]!, 'name'),
    isExecutable: attribute(match[1]!, 'isExecutable'),
  }));
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*"([^"]*)"`).exec(attributes);
  return match ? unescapeXml(match[1]!) : undefined;
}

function unescapeXml(value: string): string {
  return value.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
}

// A draft's id counts even when its components do not parse yet.
function formId(content: string): string | undefined {
  const parsed = formSchema.pick({ id: true }).safeParse(jsonOf(content));
  return parsed.success && parsed.data.id ? parsed.data.id : undefined;
}

// The top-level components of a draft that parse; the others are skipped.
function topLevelComponents(content: string) {
  const parsed = z.looseObject({ components: z.array(z.unknown()) }).safeParse(jsonOf(content));
  if (!parsed.success) return [];
  return parsed.data.components.flatMap((component) => {
    const one = formComponentSchema.safeParse(component);
    return one.success ? [one.data] : [];
  });
}

function jsonOf(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch {
    return undefined;
  }
}
