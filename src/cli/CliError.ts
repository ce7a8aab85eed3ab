/** The command line's own error: a file or usage problem the user can fix (exit code 1, one line, no stack). */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** True for errors whose message is meant for the user of the command line. */
export const isCliError = (error: unknown): error is CliError =>
  error instanceof Error && error.name === 'CliError';
