import { z } from 'zod';

// Every text a call's notices are made of, as data of the call: what each notice is, to whom it goes, the
// placeholders each of its texts may use, and the shipped text (today's wording), which a new call starts with and a
// stored call lacking a text falls back to. One check (`noticeTextProblems`) decides what may be saved.

/** Every placeholder a notice text may use, with what it stands for. */
export const placeholderLabels = {
  applicationNumber: '申报编号',
  projectName: '项目名称',
  status: '申报的新状态',
  reason: '原因',
  dueDate: '截止时间（北京时间）',
  enterpriseName: '申报企业名称',
  unitName: '推荐单位名称',
  callTitle: '申报批次名称',
  deadline: '报送截止时间（北京时间）',
} as const;

export type Placeholder = keyof typeof placeholderLabels;

/** The notices a call sends, with where each goes. */
export const noticeKinds = {
  'status-change': { name: '申报状态变更通知', sentTo: '申报企业：站内消息，并以邮件发送至申报书的联系人邮箱', mail: true },
  'batch-reminder': { name: '推荐批次报送提醒', sentTo: '尚未报送推荐批次的推荐单位（市工信局）：站内消息，截止前三天起每日一次', mail: false },
  'application-withdrawn': { name: '企业撤回申报通知', sentTo: '项目所属推荐单位（市工信局）：站内消息', mail: false },
} as const;

export type NoticeKind = keyof typeof noticeKinds;

/** One text of a notice: its name, how it is used, its placeholders and the shipped text. */
export interface NoticeTextDefinition {
  notice: NoticeKind;
  name: string;
  usage: string;
  placeholders: readonly Placeholder[];
  defaultText: string;
  /** A title or mail subject: one line. */
  singleLine?: true;
  /** A line that may be left empty (then left out). */
  mayBeEmpty?: true;
}

const common = ['applicationNumber', 'projectName', 'status'] as const satisfies readonly Placeholder[];
const withdrawal = ['applicationNumber', 'projectName', 'enterpriseName', 'reason'] as const satisfies readonly Placeholder[];
const reminder = ['callTitle', 'unitName', 'deadline'] as const satisfies readonly Placeholder[];

/** Every text of every notice, in the order the page shows them. */
export const noticeTextCatalogue = {
  title: { notice: 'status-change', name: '标题', usage: '站内消息的标题，也是邮件主题', placeholders: common, singleLine: true, defaultText: '申报编号 {applicationNumber}：{status}' },
  body: { notice: 'status-change', name: '正文', usage: '每条状态变更通知的第一行', placeholders: common, defaultText: '您单位申报的项目“{projectName}”（编号 {applicationNumber}）状态已更新为：{status}。' },
  reason: { notice: 'status-change', name: '原因行', usage: '状态变更有原因时（不予受理、补正要求、撤回等）加在正文后', placeholders: [...common, 'reason'], defaultText: '原因：{reason}' },
  correctionDue: { notice: 'status-change', name: '补正期限行', usage: '要求补正时加上', placeholders: [...common, 'dueDate'], defaultText: '请于 {dueDate}（北京时间）前登录平台完成补正，逾期未补正视为撤回申报。' },
  sealedScansRequest: { notice: 'status-change', name: '盖章材料要求', usage: '通过自动审查、要求上传盖章材料时，作为原因行中的 {reason}', placeholders: common, defaultText: '申报材料已通过自动审查。请下载申报材料和承诺书，打印并加盖企业公章后，上传盖章扫描件。' },
  sealedScansDue: { notice: 'status-change', name: '盖章材料期限行', usage: '要求上传盖章材料时加上', placeholders: [...common, 'dueDate'], defaultText: '请于 {dueDate}（北京时间）前登录平台上传盖章材料，逾期未上传视为撤回申报。' },
  recommendationWithdrawnReason: { notice: 'status-change', name: '撤回推荐的原因', usage: '推荐单位撤回推荐时，作为原因行中的 {reason}，并记入申报历史', placeholders: common, defaultText: '推荐单位撤回推荐' },
  applicantWithdrawalReason: { notice: 'status-change', name: '企业撤回的原因', usage: '企业撤回申报时，作为原因行中的 {reason}，并记入申报历史；这里的 {reason} 是企业填写的撤回原因', placeholders: [...common, 'reason'], defaultText: '企业撤回申报：{reason}' },
  footer: { notice: 'status-change', name: '结尾行', usage: '每条状态变更通知的最后一行；可留空', placeholders: common, mayBeEmpty: true, defaultText: '此邮件由河北省工业互联网创新发展重点项目管理平台自动发送，请勿直接回复。' },
  batchReminderTitle: { notice: 'batch-reminder', name: '标题', usage: '站内消息的标题', placeholders: reminder, singleLine: true, defaultText: '请于 {deadline} 前报送推荐批次' },
  batchReminderBody: { notice: 'batch-reminder', name: '正文', usage: '站内消息的内容', placeholders: reminder, defaultText: '{callTitle}：{unitName}尚未向省厅报送推荐项目和盖章推荐表，截止时间为 {deadline}（北京时间），逾期不再受理。' },
  withdrawalTitle: { notice: 'application-withdrawn', name: '标题', usage: '站内消息的标题', placeholders: withdrawal, singleLine: true, defaultText: '企业撤回申报：{projectName}' },
  withdrawalBody: { notice: 'application-withdrawn', name: '正文', usage: '站内消息的内容；{reason} 为企业填写的撤回原因', placeholders: withdrawal, defaultText: '{enterpriseName}已撤回申报“{projectName}”（编号 {applicationNumber}）。撤回原因：{reason}' },
  withdrawalRecommendationEnded: { notice: 'application-withdrawn', name: '推荐撤销行', usage: '项目已被推荐时加在正文后', placeholders: withdrawal, defaultText: '该项目的推荐已随之撤销，推荐名额已释放。' },
} as const satisfies Record<string, NoticeTextDefinition>;

export type NoticeTextKey = keyof typeof noticeTextCatalogue;

export const noticeTextKeys = Object.keys(noticeTextCatalogue) as NoticeTextKey[];

/** A call's notice texts: one per text of the catalogue. */
export type NoticeTexts = Record<NoticeTextKey, string>;

/** The shipped texts: what a new call starts with. */
export const defaultNoticeTexts: NoticeTexts = Object.fromEntries(noticeTextKeys.map((key) => [key, noticeTextCatalogue[key].defaultText])) as NoticeTexts;

/** The longest text a call may hold. */
export const MAX_NOTICE_TEXT = 1000;

/** What is wrong with a text: the placeholder concerned, if any, and the reason in Chinese. */
export interface NoticeTextProblem {
  placeholder?: string;
  message: string;
}

/** Why a text may not be saved as `key`: empty, too long, a line break in a title, unbalanced braces, a placeholder it may not use. */
export function noticeTextProblems(key: NoticeTextKey, text: string): NoticeTextProblem[] {
  const definition: NoticeTextDefinition = noticeTextCatalogue[key];
  const allowed = definition.placeholders;
  const problems: NoticeTextProblem[] = [];
  if (text.trim() === '' && !definition.mayBeEmpty) problems.push({ message: '不能为空' });
  if (text.length > MAX_NOTICE_TEXT) problems.push({ message: `不能超过${MAX_NOTICE_TEXT}个字` });
  if (definition.singleLine && /[\r\n]/.test(text)) problems.push({ message: '不能换行：它是标题（邮件主题），只能有一行' });
  const unbalanced = unbalancedBrace(text);
  if (unbalanced !== undefined) {
    problems.push({ message: `第 ${unbalanced + 1} 个字处的“${text[unbalanced]}”没有配对；占位符写作 {${allowed[0]}} 这样的形式` });
  }
  const used = [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
  const unknown = used.filter((name) => !Object.hasOwn(placeholderLabels, name));
  const notHere = used.filter((name) => Object.hasOwn(placeholderLabels, name) && !(allowed as readonly string[]).includes(name));
  const may = `可用：${allowed.map((name) => `{${name}}`).join('、')}`;
  if (unknown.length) problems.push({ placeholder: unknown[0], message: `不认识的占位符：${unknown.map((name) => `{${name}}`).join('、')}；${may}` });
  if (notHere.length) problems.push({ placeholder: notHere[0], message: `此处不能用的占位符：${notHere.map((name) => `{${name}}`).join('、')}；${may}` });
  return problems;
}

/** Every problem of a set of texts, each named with its text's full name (申报状态变更通知·正文：不认识的占位符…). */
export function noticeTextsProblems(texts: Readonly<Record<NoticeTextKey, string>>): (NoticeTextProblem & { key: NoticeTextKey })[] {
  return noticeTextKeys.flatMap((key) => noticeTextProblems(key, texts[key]).map((problem) => ({ ...problem, key, message: `${noticeTextName(key)}：${problem.message}` })));
}

/** A text's full name, as messages and the page name it: the notice, then the text (申报状态变更通知·正文). */
export function noticeTextName(key: NoticeTextKey): string {
  const definition = noticeTextCatalogue[key];
  return `${noticeKinds[definition.notice].name}·${definition.name}`;
}

/** Fills a text's placeholders with the values given; a placeholder without a value stays as written. */
export function fillNoticeText(text: string, values: Readonly<Partial<Record<Placeholder, string>>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? values[name as Placeholder]! : whole));
}

/**
 * A call's notice texts as stored: every text checked; one a call stored before it existed falls back to the
 * shipped text, so older calls keep working; an unknown key is refused.
 */
export const noticeTexts = z.strictObject(
  Object.fromEntries(noticeTextKeys.map((key) => [key, noticeText(key).default(noticeTextCatalogue[key].defaultText)])) as Record<NoticeTextKey, z.ZodDefault<z.ZodString>>,
);

// helpers

const PLACEHOLDER = /\{([^{}]*)\}/g;

function noticeText(key: NoticeTextKey) {
  return z.string().superRefine((text, context) => {
    for (const problem of noticeTextProblems(key, text)) context.addIssue({ code: 'custom', message: problem.message, input: text });
  });
}

/** The index of the first brace without its partner, if any. */
function unbalancedBrace(text: string): number | undefined {
  let open: number | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '{') {
      if (open !== undefined) return open;
      open = index;
    } else if (char === '}') {
      if (open === undefined) return index;
      open = undefined;
    }
  }
  return open;
}
