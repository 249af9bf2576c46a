// form-js writes its validation messages in English. This module decorates its validator service (through form-js's
// own module system) so the same checks answer in Chinese.

const translations: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Value is not a number\.$/, () => '请输入数字。'],
  [/^Value is expected to be an integer\.$/, () => '请输入整数。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `最多保留 ${m[1]} 位小数。`],
  [/^Please select a valid value, the two nearest valid values are (.*) and (.*)\.$/, (m) => `请输入有效的数值，最接近的有效值为 ${m[1]} 和 ${m[2]}。`],
  [/^Field must match pattern .*\.$/, () => '格式不正确。'],
  [/^Field must have minimum value of (.*)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.*)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Field must have minimum length of (.*)\.$/, (m) => `至少填写 ${m[1]} 个字符。`],
  [/^Field must have maximum length of (.*)\.$/, (m) => `不能超过 ${m[1]} 个字符。`],
  [/^Field must be a valid\s+international phone number.*$/, () => '请输入有效的电话号码。'],
  [/^Field must be a valid email\.$/, () => '请输入有效的电子邮箱。'],
];

/** One form-js message in Chinese; messages the form's author wrote (patternErrorMessage) stay as they are. */
export function translateValidationMessage(message: string): string {
  for (const [pattern, translate] of translations) {
    const match = message.match(pattern);
    if (match) return translate(match);
  }
  return message;
}

interface Validator {
  validateField(...args: unknown[]): string[];
  validateFieldInstance(...args: unknown[]): string[];
}

function ChineseValidationMessages(validator: Validator) {
  for (const method of ['validateField', 'validateFieldInstance'] as const) {
    const original = validator[method].bind(validator);
    validator[method] = (...args: unknown[]) => original(...args).map(translateValidationMessage);
  }
}
ChineseValidationMessages.$inject = ['validator'];

/** The form-js module: pass it in `additionalModules`. */
export const chineseValidationMessages = {
  __init__: ['chineseValidationMessages'],
  chineseValidationMessages: ['type', ChineseValidationMessages],
};
