/**
 * The one error class of sonomics. `code` is stable (tests and callers switch on it);
 * the message names the case or file and says what to do next.
 */
export type ErrorCode =
  | 'BAD_INPUT'
  | 'UNSUPPORTED_FORMAT'
  | 'CORRUPT_FILE'
  | 'FILE_NOT_FOUND'
  | 'MASK_MISMATCH'
  | 'EMPTY_MASK'
  | 'SMALL_MASK'
  | 'BAD_SETTINGS'
  | 'BAD_CONFIG'
  | 'POSSIBLE_LEAKAGE'
  | 'UNCALIBRATED'
  | 'MISSING_VALUES'
  | 'ONE_CLASS'
  | 'NOT_CONVERGED'
  | 'BUNDLE_MISMATCH'
  | 'WORKER_CRASHED'
  /** Declared or inflated size beyond a reader's documented cap (docs/io.md, "Limits"). */
  | 'TOO_LARGE'
  /** A case ran past its time limit (extraction `limits.caseSeconds`). */
  | 'TIMEOUT'
  /** Another run holds the output folder's lock. */
  | 'OUTPUT_LOCKED'
  | 'INTERNAL';

export class SonomicsError extends Error {
  readonly code: ErrorCode;
  /** The case, file or setting the error concerns, when known. */
  readonly subject?: string;

  constructor(code: ErrorCode, message: string, options: { subject?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SonomicsError';
    this.code = code;
    this.subject = options.subject;
  }
}

/** Prefix an error's message with the case it happened in, keeping its code. */
export function inCase(caseId: string, err: unknown): SonomicsError {
  if (err instanceof SonomicsError) {
    if (err.subject === caseId) return err;
    return new SonomicsError(err.code, `case ${caseId}: ${err.message}`, { subject: caseId, cause: err });
  }
  const msg = err instanceof Error ? err.message : String(err);
  return new SonomicsError('INTERNAL', `case ${caseId}: ${msg}`, { subject: caseId, cause: err });
}
