/** The one error the engine throws: a misuse or an unusable table, with a message fit for a user. */
export class AttributionError extends Error {
  /** A stable code (e.g. NO_HEADER, NO_AMOUNT, BAD_POLICY) hosts may branch on. */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'AttributionError';
    this.code = code;
  }
}

/** True for errors whose message is meant for the user (anything else is a bug to report). */
export const isAttributionError = (error: unknown): error is AttributionError =>
  error instanceof Error && (error as { name?: string }).name === 'AttributionError';
