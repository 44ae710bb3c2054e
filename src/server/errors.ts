import type { ErrorCode } from '../lib/consultation/api';

/** An error the API answers with `{error, code}` and this status; anything else is a 500. */
export class ApiFailure extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 429 | 503,
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export const notFound = (what: string) =>
  new ApiFailure(404, 'not_found', `${what} does not exist.`);
