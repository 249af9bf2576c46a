// The unified social credit code (统一社会信用代码) of GB 32100-2015.
// Only the 18th character is checked: the organisation code inside it (chars 9–17, GB 11714) has its own check
// character, but early codes were issued with organisation codes that fail it, so checking it would refuse real firms.

/** The 31 characters a USCC may use, in the order that gives each its numeric value (no I, O, S, V, Z). */
export const usccCharset = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const usccLength = 18;

/** What `checkUscc` found: a well-formed code with its region, or the first problem, worded for the applicant. */
export type UsccCheck =
  | { ok: true; regionCode: string }
  | { ok: false; problem: 'length' | 'charset' | 'check-character'; message: string };

/** Brings a typed-in USCC to its canonical form: full-width characters folded, trimmed, upper case. */
export function normaliseUscc(code: string): string {
  // NFKC because Chinese input methods often type full-width digits and letters (９１３…).
  return code.normalize('NFKC').trim().toUpperCase();
}

/** Checks a USCC's length, characters and 18th check character (after `normaliseUscc`). */
export function checkUscc(code: string): UsccCheck {
  const normalised = normaliseUscc(code);
  const characters = Array.from(normalised);
  if (characters.length !== usccLength) {
    return { ok: false, problem: 'length', message: `统一社会信用代码应为18位，当前为${characters.length}位` };
  }
  const invalid = characters.find((character) => !usccCharset.includes(character));
  if (invalid !== undefined) {
    return {
      ok: false,
      problem: 'charset',
      message: `统一社会信用代码含有不允许的字符“${invalid}”（只能使用数字和除I、O、S、V、Z以外的大写字母）`,
    };
  }
  const expected = usccCheckCharacter(normalised);
  if (normalised[usccLength - 1] !== expected) {
    return {
      ok: false,
      problem: 'check-character',
      message: '统一社会信用代码校验位不正确，请核对；如与营业执照上印制的完全一致，请勾选确认后继续',
    };
  }
  return { ok: true, regionCode: usccRegionCode(normalised) };
}

/** The administrative-division code (GB/T 2260) in characters 3–8 of a USCC, without any check. */
export function usccRegionCode(code: string): string {
  return normaliseUscc(code).slice(2, 8);
}

// helpers

/** The check character the first 17 characters call for; the caller has checked the charset. */
export function usccCheckCharacter(code: string): string {
  let sum = 0;
  usccWeights.forEach((weight, index) => {
    sum += usccCharset.indexOf(code.charAt(index)) * weight;
  });
  return usccCharset.charAt((31 - (sum % 31)) % 31);
}
