/** Maps any error to the command line's exit code and its one line on stderr (a stack only when PA_DEBUG=1). */
import { isAttributionError } from '../core';
import { isCliError } from './CliError';

/** What to print and which exit code to use. */
export interface ErrorReport { exitCode: 1 | 2; lines: string[] }

const firstLine = (text: string): string => text.split(/\r?\n/)[0]?.trim() ?? '';

/** Exit 1 with one line for the user's problems; exit 2 with a request to report for anything else. */
export function errorReport(error: unknown, debug: boolean): ErrorReport {
  if (isCliError(error) || isAttributionError(error)) {
    return { exitCode: 1, lines: [`partner-attribution: ${firstLine(error.message)}`] };
  }
  const message = error instanceof Error ? firstLine(error.message) : String(error);
  const lines = [`partner-attribution: unexpected error (${message}). Please report it with the command you ran; set PA_DEBUG=1 to see the details.`];
  if (debug && error instanceof Error && error.stack) lines.push(error.stack);
  return { exitCode: 2, lines };
}
