import { ERROR_STATUS, type ErrorCode } from '@weiquan/shared';

/**
 * The one error type the BFF throws on purpose; the error middleware turns it into the contract's shape.
 * It lives at the bottom floor (it imports nothing but shared/) so that store/, auth/, notify/, uploads/
 * and wechat/ can throw it without reaching up into http/.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** RATE_LIMITED: sent as the Retry-After header, in seconds */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

/** One field that failed validation, in the contract's `details` shape. */
export interface FieldIssue {
  path: string;
  message: string;
}

export const notFound = (what = 'Not found') => new AppError('NOT_FOUND', what);

/** 400 VALIDATION_FAILED listing each bad field. */
export const invalidFields = (issues: FieldIssue[]) =>
  new AppError('VALIDATION_FAILED', 'Invalid request', issues);

/** 400 VALIDATION_FAILED for one bad field. */
export const invalidField = (path: string, message: string) => invalidFields([{ path, message }]);
