// The rules of an enterprise's self-registration (issue 14) that need no database: which unit a USCC belongs to,
// whether a typed code may go on, how long mailed links live.
import { checkUscc, normaliseUscc, usccRegionCode } from './uscc.js';
import { isUnitId, unitForRegion, type UnitId } from './units.js';

/** How long an e-mail confirmation link lives; an unconfirmed registration frees its user name after as long. */
export const CONFIRMATION_HOURS = 24;

/** How long a password-reset link lives. */
export const RESET_HOURS = 1;

/** The shortest password a registration or a reset accepts. */
export const MIN_PASSWORD_LENGTH = 10;

export type UsccJudgement =
  | { ok: true; uscc: string; checksumFails: boolean; suggestedUnitId: UnitId }
  | { ok: false; message: string };

/**
 * Judges a typed USCC for registration: malformed codes are refused; a failing check character only when the
 * applicant has not confirmed it is exactly as printed; a code outside Hebei (or of province level) is refused.
 */
export function judgeRegistrationUscc(typed: string, asPrinted: boolean): UsccJudgement {
  const uscc = normaliseUscc(typed);
  const check = checkUscc(uscc);
  if (!check.ok && check.problem !== 'check-character') return { ok: false, message: check.message };
  if (!check.ok && !asPrinted) return { ok: false, message: check.message };
  const suggestedUnitId = unitForRegion(usccRegionCode(uscc));
  if (!suggestedUnitId) return { ok: false, message: '统一社会信用代码的登记机关不在河北省（第3至8位应为河北省的行政区划代码），本平台只受理河北省企业的注册' };
  return { ok: true, uscc, checksumFails: !check.ok, suggestedUnitId };
}

/** The unit a registration goes to: the chosen one when it is a reporting unit, else undefined. */
export function chosenUnit(unitId: string): UnitId | undefined {
  return isUnitId(unitId) ? unitId : undefined;
}

/** Whether an unconfirmed registration created at `createdAt` no longer holds its user name at `now`. */
export function isStaleUnconfirmed(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() >= CONFIRMATION_HOURS * 3_600_000;
}

/** The moment a link issued at `now` stops working. */
export function linkExpiry(now: Date, hours: number): Date {
  return new Date(now.getTime() + hours * 3_600_000);
}

/** The mail telling a registrant the unit's decision. */
export function decisionMail(input: { enterpriseName: string; unitName: string; username: string; approved: boolean; reason: string | null; signInUrl: string }): { subject: string; body: string } {
  if (input.approved) {
    return {
      subject: '企业账号注册已通过审核',
      body: `${input.enterpriseName}：\n\n您的企业账号注册已由${input.unitName}审核通过。请使用用户名 ${input.username} 和注册时设置的密码登录：\n${input.signInUrl}\n`,
    };
  }
  return {
    subject: '企业账号注册未通过审核',
    body: `${input.enterpriseName}：\n\n您的企业账号注册未通过${input.unitName}的审核。\n原因：${input.reason ?? ''}\n\n如有疑问请联系${input.unitName}工业和信息化主管部门。\n`,
  };
}

/** The mail with the e-mail confirmation link. */
export function confirmationMail(input: { enterpriseName: string; unitName: string; link: string }): { subject: string; body: string } {
  return {
    subject: '请确认您的企业账号注册邮箱',
    body: `${input.enterpriseName}：\n\n请在${CONFIRMATION_HOURS}小时内打开以下链接确认邮箱，确认后注册将提交${input.unitName}审核：\n${input.link}\n\n如果不是您本人注册，请忽略本邮件。\n`,
  };
}

/** The mail with the password-reset link. */
export function resetMail(input: { username: string; link: string }): { subject: string; body: string } {
  return {
    subject: '重置密码',
    body: `您好，${input.username}：\n\n请在${RESET_HOURS}小时内打开以下链接设置新密码（链接只能使用一次）：\n${input.link}\n\n如果不是您本人申请，请忽略本邮件，原密码仍然有效。\n`,
  };
}
