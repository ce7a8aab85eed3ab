/** The command line's entry point: declares the commands and their options, and dispatches; nothing else. */
import { Command, CommanderError } from 'commander';
import { version } from '../../package.json';
import { stripControlChars } from '../core';
import { CliError, isCliError } from './CliError';
import { errorReport } from './errorReport';
import { reportCommand } from './reportCommand';
import { sqlCommand } from './sqlCommand';
import { USAGE } from './usage';

/** Each command's options as [flags, description]; --help prints USAGE, which describes them for people. */
const REPORT_OPTIONS: ReadonlyArray<readonly [string, string]> = [
  ['--sheet <name>', 'the tab of an .xlsx that holds the deals'],
  ['--touches <file>', 'partner touches (.csv or .xlsx)'],
  ['--partners <file>', 'partner directory'],
  ['--fx <file>', 'FX rates'],
  ['--overrides <file>', 'hand-set attributions: Deal ID, Motion, Partner, Note'],
  ['--config <file>', 'settings file (JSON)'],
  ['--out <file>', 'write the summary workbook (.xlsx)'],
  ['--json <file>', 'write the JSON summary'],
  ['--statements <dir>', 'write one statement workbook per credited partner'],
  ['--html <file>', 'write the HTML report (one self-contained page)'],
  ['--compare <files...>', 'compare two or three policy files (definitions)'],
  ['--strict', 'exit 1 on any error-severity data issue'],
  ['--quiet', 'no progress bar on standard error'],
];
const SQL_OPTIONS: ReadonlyArray<readonly [string, string]> = [
  ['--dialect <dialect>', 'bigquery, spark or duckdb'],
  ['--config <file>', 'settings file (JSON)'],
  ['--deals <table>', 'the deals table'],
  ['--touches <table>', 'the touches table'],
  ['--overrides <table>', 'the overrides table'],
  ['--mapping <file>', 'JSON field -> column'],
  ['--output <what>', 'script, deals, credits or partners'],
  ['--detect <file>', 'CSV/XLSX export (or header row) whose header gives the mapping'],
];

const HELP_HINT = 'Run "partner-attribution --help" for usage.';
const longFlag = (flags: string): string => flags.split(' ')[0] ?? flags;

/**
 * Commander's two-line errors ("error: unknown option '--confg'" + "(Did you mean --config?)") as our
 * one line; a flag of the other command is named as such, never silently ignored.
 */
function oneLine(error: CommanderError, command: string | undefined): CliError {
  const text = error.message.replace(/^error:\s*/, '').replace(/'/g, '');
  const [first = '', ...rest] = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const unknown = /^unknown option (\S+)/.exec(first)?.[1];
  const other = command === 'report' ? SQL_OPTIONS : command === 'sql' ? REPORT_OPTIONS : [];
  const own = command === 'report' ? REPORT_OPTIONS : command === 'sql' ? SQL_OPTIONS : [];
  if (unknown && other.some(([flags]) => longFlag(flags) === unknown) && !own.some(([flags]) => longFlag(flags) === unknown)) {
    return new CliError(`${command} does not take ${unknown}. ${HELP_HINT}`);
  }
  const hint = rest.map((line) => line.replace(/^\(Did you mean/, '(did you mean')).join(' ');
  return new CliError(`${first}${hint ? ` ${hint}` : ''}. ${HELP_HINT}`.replace(/\.\./g, '.').replace(/\)\. Run/, '). Run'));
}

/** Builds the program; actions store their stdout lines in `result`. */
function program(result: { lines: string[] }): Command {
  const root = new Command('partner-attribution')
    .exitOverride()
    .configureOutput({ writeOut: (text) => result.lines.push(text.replace(/\n$/, '')), writeErr: () => undefined, outputError: () => undefined })
    .version(version, '-v, --version')
    .helpOption('-h, --help')
    .showSuggestionAfterError(true);
  root.helpInformation = () => `${USAGE}\n`;

  const report = root.command('report').argument('[deals]').argument('[extra...]');
  for (const [flags, description] of REPORT_OPTIONS) report.option(flags, description);
  report.helpInformation = () => `${USAGE}\n`;
  report.action(async (file: string | undefined, extra: string[], options: Record<string, string | undefined> & { compare?: string[]; strict?: boolean; quiet?: boolean }) => {
    if (file === undefined) throw new CliError('report needs a deals file: partner-attribution report <deals.csv|deals.xlsx>.');
    if (extra.length > 0) throw new CliError(`report takes one deals file, but also got ${extra.map((e) => `"${e}"`).join(', ')}. Use --touches, --partners and --fx for the other tables.`);
    result.lines.push(...await reportCommand({
      deals: file, sheet: options.sheet, touches: options.touches, partners: options.partners, fx: options.fx,
      overrides: options.overrides, config: options.config, out: options.out, json: options.json, statements: options.statements, html: options.html,
      compare: options.compare,
      strict: options.strict === true, quiet: options.quiet === true,
    }));
  });

  const sql = root.command('sql').argument('[file]');
  for (const [flags, description] of SQL_OPTIONS) sql.option(flags, description);
  sql.helpInformation = () => `${USAGE}\n`;
  sql.action(async (file: string | undefined, options: Record<string, string | undefined>) => {
    if (file !== undefined) throw new CliError('sql takes no file: name the warehouse tables with --deals and --touches.');
    result.lines.push(...await sqlCommand({ dialect: options.dialect ?? '', config: options.config, deals: options.deals,
      touches: options.touches, overrides: options.overrides, mapping: options.mapping, output: options.output, detect: options.detect }));
  });
  return root;
}

/** Parses `argv` and runs the command; returns the lines for stdout. */
async function run(argv: string[]): Promise<string[]> {
  if (argv.length === 0) throw new CliError(`no command given. ${HELP_HINT}`);
  const result = { lines: [] as string[] };
  const command = argv.find((arg) => !arg.startsWith('-'));
  try {
    await program(result).parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return result.lines;
    throw oneLine(error, command);
  }
  return result.lines;
}

// A reader that stops early (`partner-attribution sql ... | head`) closes the pipe: that is the
// reader's choice, not a failure, so the command ends quietly with the exit code it had so far.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
});

// Nothing printed carries a control character (an ESC in a partner or file name could drive the terminal).
run(process.argv.slice(2)).then(
  (lines) => { if (lines.length > 0) process.stdout.write(stripControlChars(`${lines.join('\n')}\n`)); },
  (error: unknown) => {
    const output = isCliError(error) ? error.output : [];
    if (output.length > 0) process.stdout.write(stripControlChars(`${output.join('\n')}\n`));
    const report = errorReport(error, process.env.PA_DEBUG === '1');
    process.stderr.write(stripControlChars(`${report.lines.join('\n')}\n`));
    process.exitCode = report.exitCode;
  },
);
