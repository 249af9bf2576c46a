import { lacksDiagram } from '../../../modeling/bpmn-rules/diagram-complete.js';
import { decisionIdsOf, keyOf, nameOf } from '../../../modeling/model-key.js';
import { parseBpmn, parseDmn } from '../../../modeling/parse.js';
import type { ModelKind } from '../../../modeling/problem.js';
import { AppError } from '../errors.js';
import { KEY_PATTERN } from '../schemas/studio.js';

const kindNames: Record<ModelKind, string> = { process: '流程', form: '表单', decision: '决策表' };

/**
 * The checks a save cannot go without, even for a draft: the content parses as its kind, names the key it is saved
 * under, and a process has a diagram (a file the desktop Modeler cannot show is no file to keep). Everything else
 * is a lint problem, reported but saved. Answers the model's key and name.
 */
export async function readModelContent(kind: ModelKind, content: string, expectedKey?: string): Promise<{ key: string; name: string | null }> {
  await assertParses(kind, content);
  const key = expectedKey ?? keyOf(kind, content);
  if (!key) throw invalid(`${kindNames[kind]}中没有${kind === 'form' ? ' id' : kind === 'process' ? '流程 id' : '决策'}，无法确定它是哪个模型。`);
  if (!KEY_PATTERN.test(key)) throw invalid(`模型标识“${key}”无效：须以字母或下划线开头，只含字母、数字、下划线、点和连字符，最长 100 个字符。`);
  if (!declaresKey(kind, content, key)) {
    throw invalid(`模型标识与内容不符：保存到“${key}”，但内容中的${kind === 'decision' ? '决策' : kindNames[kind]}标识为“${keyOf(kind, content) ?? '（无）'}”。`);
  }
  return { key, name: kind === 'decision' ? decisionName(content, key) : nameOf(kind, content) };
}

/** The key a file to import describes: for a decision file, the first of its decisions the studio already keeps. */
export function importKey(kind: ModelKind, content: string, existingKeys: ReadonlySet<string>): string | undefined {
  if (kind !== 'decision') return keyOf(kind, content);
  const ids = decisionIdsOf(content);
  return ids.find((id) => existingKeys.has(id)) ?? ids[0];
}

// helpers

async function assertParses(kind: ModelKind, content: string): Promise<void> {
  try {
    if (kind === 'process') {
      const { definitions } = await parseBpmn(content);
      if (lacksDiagram(definitions)) {
        throw invalid('流程没有图形（BPMN DI），桌面版 Camunda Modeler 无法显示；请在建模器中绘制后再保存。', '[diagram-complete] 模型没有图形（BPMN DI）');
      }
    } else if (kind === 'decision') {
      await parseDmn(content);
    } else {
      const json: unknown = JSON.parse(content);
      if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error('不是 JSON 对象');
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid(`无法解析${kindNames[kind]}文件：${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

function declaresKey(kind: ModelKind, content: string, key: string): boolean {
  return kind === 'decision' ? decisionIdsOf(content).includes(key) : keyOf(kind, content) === key;
}

function decisionName(content: string, key: string): string | null {
  const tag = [...content.matchAll(/<(?:[\w.-]+:)?decision\b([^>]*)>/g)].map((m) => m[1]!).find((attrs) => new RegExp(`\\sid="${key.replaceAll('.', '\\.')}"`).test(attrs));
  return (tag && /\sname="([^"]*)"/.exec(tag)?.[1]) || nameOf('decision', content);
}

function invalid(message: string, detail = message): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ path: 'content', message: detail }]);
}
