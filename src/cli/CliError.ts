/** The command line's own error: a file or usage problem the user can fix (exit code 1, one line, no stack). */
export class CliError extends Error {
  /**
   * @param output lines for stdout printed before the error (a report that ran, but whose result
   * fails the run: every amount unreadable, or an error-severity issue under --strict)
   */
  constructor(message: string, readonly output: readonly string[] = []) {
    super(message);
    this.name = 'CliError';
  }
}

/** True for errors whose message is meant for the user of the command line. */
export const isCliError = (error: unknown): error is CliError =>
  error instanceof Error && error.name === 'CliError';
