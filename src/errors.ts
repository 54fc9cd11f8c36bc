/** Error codes and the conversion of anything thrown into a serializable `TimError`. */
import { errorMessageFor } from './errorMessages';
import type { TimError } from './types';

/**
 * tim-redux's own error codes, chosen outside the SDK's ranges (the SDK uses 2000-3999, 20000+,
 * 60000+, 70000+).
 */
export const TIM_REDUX_ERROR = {
  /** The SDK threw or rejected with something that is not an SDK error. */
  UNKNOWN: 9000,
  /** An event's data could not be applied. */
  MALFORMED_EVENT: 9001,
  /** A thunk was called with bad arguments; the SDK was not called. */
  INVALID_ARGUMENT: 9002,
  /** A thunk ran without `createTimMiddleware` in the store. */
  NO_MIDDLEWARE: 9003,
  /** A thunk needs an SDK message that the registry does not hold. */
  UNKNOWN_MESSAGE: 9004,
  /** An SDK method the thunk needs does not exist on this SDK version. */
  UNSUPPORTED: 9005,
  /** A history page was superseded by a newer request or a reset. */
  STALE: 9006,
  /** The session ended (kick, logout, another login) before the SDK became ready. */
  NOT_READY: 9007,
  /** A stored snapshot was not used: another version, corrupted, truncated, or not this user's (see `persist`). */
  SNAPSHOT_REJECTED: 9008,
  /** The persistence storage failed: it threw or rejected on read, write or delete, or its quota is full. */
  STORAGE_FAILED: 9009,
} as const;

/** A payload item that cannot become a record (missing ID, wrong type, ...). */
export class MalformedPayloadError extends Error {
  /** tim-redux's code for malformed event data. */
  readonly code: number = TIM_REDUX_ERROR.MALFORMED_EVENT;
  constructor(message: string) {
    super(message);
    this.name = 'MalformedPayloadError';
  }
}

/** An error with a code, thrown by thunks before they call the SDK. */
export class TimReduxError extends Error {
  /** One of `TIM_REDUX_ERROR`. */
  readonly code: number;
  constructor(code: number, message: string) {
    super(message);
    this.name = 'TimReduxError';
    this.code = code;
  }
}

/**
 * `{ code, message }` from an SDK rejection (`{ code, message, data }`), an Error, or anything. An
 * empty message (what the SDKs give under `proxyServer`) is replaced by the English text for the code.
 */
export function toTimError(thrown: unknown): TimError {
  if (thrown !== null && typeof thrown === 'object') {
    const { code, message, messageID } = thrown as { code?: unknown; message?: unknown; messageID?: unknown };
    const numeric =
      typeof code === 'number' ? code : typeof code === 'string' && /^\d+$/.test(code) ? Number(code) : NaN;
    const finalCode = Number.isFinite(numeric) ? numeric : TIM_REDUX_ERROR.UNKNOWN;
    const error: TimError = { code: finalCode, message: errorMessageFor(finalCode, message) };
    return typeof messageID === 'string' && messageID !== '' ? { ...error, messageID } : error;
  }
  return { code: TIM_REDUX_ERROR.UNKNOWN, message: errorMessageFor(TIM_REDUX_ERROR.UNKNOWN, String(thrown)) };
}
