/** Exit codes and messages: the user's problems are one line and exit 1; bugs exit 2 and ask to be reported. */
import { AttributionError } from '../../src/core';
import { CliError } from '../../src/cli/CliError';
import { errorReport } from '../../src/cli/errorReport';

describe('errorReport', () => {
  it('gives a file problem exit code 1 and one line', () => {
    expect(errorReport(new CliError('The file "x.csv" does not exist; check the path.'), false))
      .toEqual({ exitCode: 1, lines: ['partner-attribution: The file "x.csv" does not exist; check the path.'] });
  });

  it('gives an engine error about the table exit code 1 and its message', () => {
    expect(errorReport(new AttributionError('NO_AMOUNT', 'No amount column.'), false))
      .toEqual({ exitCode: 1, lines: ['partner-attribution: No amount column.'] });
  });

  it('gives anything unexpected exit code 2 and asks to report it, without a stack', () => {
    const report = errorReport(new TypeError('x is undefined'), false);
    expect(report.exitCode).toBe(2);
    expect(report.lines).toHaveLength(1);
    expect(report.lines[0]).toMatch(/unexpected error \(x is undefined\)\. Please report it .* PA_DEBUG=1/);
  });

  it('adds the stack only when PA_DEBUG=1', () => {
    const report = errorReport(new Error('boom'), true);
    expect(report.lines[1]).toMatch(/Error: boom\n\s+at /);
  });
});
