/** The command line's entry point: parses the arguments and dispatches to a command; nothing else. */
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { CliError } from './CliError';
import { errorReport } from './errorReport';
import { reportCommand } from './reportCommand';
import { sqlCommand } from './sqlCommand';
import { USAGE } from './usage';

const OPTIONS = {
  sheet: { type: 'string' },
  touches: { type: 'string' },
  partners: { type: 'string' },
  fx: { type: 'string' },
  config: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'string' },
  dialect: { type: 'string' },
  deals: { type: 'string' },
  mapping: { type: 'string' },
  output: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const REPORT_ONLY = ['sheet', 'partners', 'fx', 'out', 'json'] as const;
const SQL_ONLY = ['dialect', 'deals', 'mapping', 'output'] as const;

/** Parses `argv` and runs the command; returns the lines for stdout. */
async function run(argv: string[]): Promise<string[]> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message.split('\n')[0]} Run "partner-attribution --help" for usage.`);
  }
  const { values, positionals } = parsed;
  if (values.help) return [USAGE];
  if (values.version) return [version];
  const [command, file, ...extra] = positionals;
  // Each command takes its own flags: a flag of the other command is a mistake, never silently ignored.
  const foreign = (command === 'sql' ? REPORT_ONLY : command === 'report' ? SQL_ONLY : []).filter((flag) => values[flag] !== undefined);
  if (foreign.length > 0) {
    throw new CliError(`${command} does not take ${foreign.map((f) => `--${f}`).join(', ')}. Run "partner-attribution --help" for usage.`);
  }
  if (command === undefined) throw new CliError('no command given. Run "partner-attribution --help" for usage.');
  if (command === 'sql') {
    if (file !== undefined) throw new CliError('sql takes no file: name the warehouse tables with --deals and --touches.');
    return sqlCommand({ dialect: values.dialect ?? '', config: values.config, deals: values.deals,
      touches: values.touches, mapping: values.mapping, output: values.output });
  }
  if (command !== 'report') throw new CliError(`unknown command "${command}". The commands are "report" and "sql"; run "partner-attribution --help" for usage.`);
  if (file === undefined) throw new CliError('report needs a deals file: partner-attribution report <deals.csv|deals.xlsx>.');
  if (extra.length > 0) throw new CliError(`report takes one deals file, but also got ${extra.map((e) => `"${e}"`).join(', ')}. Use --touches, --partners and --fx for the other tables.`);
  return reportCommand({
    deals: file, sheet: values.sheet, touches: values.touches, partners: values.partners, fx: values.fx,
    config: values.config, out: values.out, json: values.json,
  });
}

run(process.argv.slice(2)).then(
  (lines) => { process.stdout.write(`${lines.join('\n')}\n`); },
  (error: unknown) => {
    const report = errorReport(error, process.env.PA_DEBUG === '1');
    process.stderr.write(`${report.lines.join('\n')}\n`);
    process.exitCode = report.exitCode;
  },
);
