// The catalogue of errors the web API answers with: a stable code, an HTTP status, and a message for people.

export const errorCodes = {
  VALIDATION_FAILED: { status: 400, message: '请求内容有误，请检查标出的字段。' },
  UNAUTHENTICATED: { status: 401, message: '请先登录。' },
  SIGN_IN_FAILED: { status: 401, message: '用户名或密码错误。' },
  FORBIDDEN: { status: 403, message: '您没有权限执行此操作。' },
  CSRF_FAILED: { status: 403, message: '页面已过期，请刷新后重试。' },
  NOT_FOUND: { status: 404, message: '没有找到所请求的记录。' },
  CONFLICT: { status: 409, message: '记录已被他人处理，请刷新后重试。' },
  CALL_CLOSED: { status: 409, message: '不在申报时间内，无法提交。' },
  CAP_REACHED: { status: 409, message: '推荐名额已满。' },
  INCIDENT_RESOLVED: { status: 409, message: '该流程异常已经处理（或流程已结束），无需再重试。请刷新列表查看最新情况。' },
  INCIDENT_NOT_RETRYABLE: { status: 409, message: '这类流程异常不能在此重试。请联系平台管理员在流程引擎运维控制台（Cockpit）中处理。' },
  LINK_EXPIRED: { status: 410, message: '链接已失效或已使用，请重新申请。' },
  MODEL_LINT_FAILED: { status: 422, message: '模型检查未通过，请修正标出的问题后再部署。' },
  MODEL_DEPLOY_REJECTED: { status: 422, message: '流程引擎拒绝部署该模型。' },
  RATE_LIMITED: { status: 429, message: '尝试次数过多，请稍后再试。' },
  ENGINE_UNAVAILABLE: { status: 503, message: '流程引擎暂时不可用，请稍后重试。' },
  INTERNAL: { status: 500, message: '服务器内部错误，请稍后重试；如持续出现请联系管理员。' },
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** A field-level problem in a request. */
export interface FieldError {
  path: string;
  message: string;
}

/** An error a route throws on purpose; the error handler turns it into its catalogued answer. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message ?? errorCodes[code].message);
    this.name = 'AppError';
    this.status = errorCodes[code].status;
  }
}
