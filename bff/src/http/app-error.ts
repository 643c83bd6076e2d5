import { ERROR_STATUS, type ErrorCode } from '@weiquan/shared';

/** The one error type the BFF throws on purpose; the error middleware turns it into the contract's shape. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what = 'Not found') => new AppError('NOT_FOUND', what);
