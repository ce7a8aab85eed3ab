/** The `report` command: read the input files, run the engine, write the workbook and JSON summary, print the summary. */
import { analyze, compareRuns, definitionsTab, isAttributionError, moneyHeadline, reviewQueue, workbookTabs } from '../core';
import type { Analysis, Comparison, ReviewQueue } from '../core';
import { comparisonLines, readDefinitionFiles } from './definitionFiles';
import type { DefinitionFile } from './definitionFiles';
import { checkOutputs, writeFilesAtomic } from './atomicWrite';
import type { OutputFile } from './atomicWrite';
import { CliError } from './CliError';
import { consoleSummary } from './consoleSummary';
import { summaryForJson, writeJson, writeJsonFile } from './jsonWriter';
import { aboutStdin, fileToStdout, STDIO, stdinToFile } from './standardStreams';
import { loadInput } from './loadInput';
import type { InputFiles, LoadedInput } from './loadInput';
import { readPolicyFile } from './readPolicyFile';
import { addReadingIssues } from './readingIssues';
import { xlsxWriter } from './xlsxWriter';
import { checkStatementsDir, statementFiles } from './statementFiles';
import { progressBar } from './progress';
import type { ProgressBar } from './progress';
import { writeHtmlReport } from './html/htmlReport';
import { version } from '../../package.json';

/** The report command's options, as parsed from the command line. */
export interface ReportOptions extends InputFiles {
  config?: string;
  out?: string;
  json?: string;
  /** A folder for one statement workbook per credited partner. */
  statements?: string;
  /** The HTML report page (self-contained, charts inline); with --statements each statement also as a page. */
  html?: string;
  /** Two or three policy files to compare (the first one also makes the summary tabs). */
  compare?: string[];
  /** Exit 1 on any error-severity data issue (for scheduled runs). */
  strict?: boolean;
  /** No progress bar on standard error. */
  quiet?: boolean;
}

/**
 * Runs the report; returns the lines to print (on standard error instead, and [] returned, when an
 * output goes to standard output). Throws CliError / AttributionError for the user's problems.
 */
export async function reportCommand(options: ReportOptions): Promise<string[]> {
  if (options.out === STDIO && options.json === STDIO) throw new CliError('--out - and --json - would both write to standard output; send one of them to a file.');
  // PA_PROGRESS_AFTER_MS moves the one-second threshold (the tests show the bar on small files).
  const after = Number(process.env.PA_PROGRESS_AFTER_MS);
  const progress = progressBar({ quiet: options.quiet === true, delayMs: Number.isFinite(after) && process.env.PA_PROGRESS_AFTER_MS !== '' ? after : undefined });
  try {
    if (options.deals !== STDIO) return await report(options, progress);
    const stdin = stdinToFile();
    try {
      return await report({ ...options, deals: stdin.file }, progress, stdin.file);
    } catch (error) {
      if (error instanceof Error) error.message = aboutStdin(error.message, stdin.file);
      throw error;
    } finally {
      stdin.dispose();
    }
  } finally {
    progress.stop();
  }
}

async function report(options: ReportOptions, progress: ProgressBar, stdinFile?: string): Promise<string[]> {
  const toStdout = options.out === STDIO || options.json === STDIO;
  const inputs = [options.deals, options.touches, options.partners, options.fx, options.overrides, options.config, ...options.compare ?? []]
    .filter((f): f is string => f !== undefined);
  const outputs: { path: string; flag: string }[] = [];
  if (options.out !== undefined && options.out !== STDIO) {
    if (!/\.xlsx$/i.test(options.out)) throw new CliError(`--out "${options.out}" must be an .xlsx file name, e.g. report.xlsx.`);
    outputs.push({ path: options.out, flag: '--out' });
  }
  if (options.json !== undefined && options.json !== STDIO) outputs.push({ path: options.json, flag: '--json' });
  if (options.html !== undefined) outputs.push({ path: checkHtmlPath(options.html), flag: '--html' });
  checkOutputs(outputs, inputs);
  if (options.statements !== undefined) checkStatementsDir(options.statements);

  const definitions = options.compare !== undefined ? readDefinitionFiles(options.compare, options.config) : null;
  const config = definitions !== null ? definitions[0] : options.config !== undefined ? readPolicyFile(options.config) : undefined;
  progress.update('reading', 0, 1, options.deals);
  const { sources, analysis, comparison } = await readAndAnalyze(options, config, definitions, progress);

  const review = reviewQueue(analysis);
  progress.update('writing', 0, 1, 'building the tabs');
  const files: OutputFile[] = [];
  let stdout: (() => Promise<void>) | null = null;
  if (options.out !== undefined) {
    const tabs = [...workbookTabs(analysis, review), ...(comparison !== null ? [definitionsTab(comparison)] : [])];
    if (options.out === STDIO) stdout = () => fileToStdout((file) => xlsxWriter(tabs, file), 'report.xlsx');
    else files.push({ path: options.out, flag: '--out', data: (file) => xlsxWriter(tabs, file) });
  }
  if (options.json !== undefined) {
    // A comparison of definitions is small; a summary is streamed, its deals made as they are written.
    const json = comparison ?? summaryForJson(analysis);
    if (options.json === STDIO) stdout = () => writeJson(json, process.stdout);
    else files.push({ path: options.json, flag: '--json', data: (file) => writeJsonFile(json, file) });
  }
  const madeAt = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  if (options.html !== undefined) {
    const facts = { source: stdinFile === undefined ? sources.deals : aboutStdin(sources.deals, stdinFile), extraSources: htmlSources(sources, options.config), madeAt, version };
    files.push({ path: options.html, flag: '--html', data: (file) => writeHtmlReport(analysis, file, facts) });
  }
  const statements = options.statements === undefined ? [] : statementFiles(analysis, options.statements, options.html === undefined ? undefined : { madeAt });
  files.push(...statements);
  await writeFilesAtomic(files, (done, total, file) => progress.update('writing', done, total, file));
  progress.stop();
  if (stdout !== null) await stdout();

  const written = files.filter((f) => f.flag !== '--statements').map((f) => (f.flag === '--out'
    ? `${f.path} (the summary tabs and their charts)`
    : f.flag === '--html' ? `${f.path} (HTML report: key figures, charts, partners, data issues)`
    : comparison !== null ? `${f.path} (JSON comparison of the definitions)` : `${f.path} (JSON summary)`));
  const statementCount = options.html === undefined ? statements.length : statements.length / 2;
  if (options.statements !== undefined) written.push(`${options.statements} (${statementCount} partner statement${statementCount === 1 ? '' : 's'}${options.html === undefined ? '' : ', each as .xlsx and .html'})`);
  const extraSources = (['touches', 'partners', 'fx', 'overrides'] as const)
    .map((kind) => sources[kind])
    .filter((s): s is string => s !== undefined);
  if (options.config !== undefined) extraSources.push(`policy ${options.config}`);
  if (definitions !== null) extraSources.push(`definitions ${definitions.map((d) => `${d.file} ("${d.name}")`).join(', ')}; the summary is under "${definitions[0]!.name}"`);
  const notes = [reviewLine(review, options.out !== undefined), ...(comparison !== null ? ['', ...comparisonLines(comparison)] : [])];
  if (toStdout) written.push(`standard output (${options.json === STDIO ? 'JSON summary' : 'the summary workbook'})`);
  const source = stdinFile === undefined ? sources.deals : aboutStdin(sources.deals, stdinFile);
  const lines = consoleSummary(analysis, { source, extraSources, written, notes });
  // The report is written and printed either way; these runs still fail, so a schedule notices.
  const errors = analysis.summary.issues.filter((i) => i.severity === 'error').length;
  const failure = moneyHeadline(analysis).everyAmountUnread
    ? `${source}: not one amount could be read, so every total is zero. See Data Issues; check the amount column and the decimalSeparator setting.`
    : options.strict === true && errors > 0 ? `--strict: ${errors} error-severity data issue${errors === 1 ? '' : 's'} (listed under Data Issues).` : null;
  if (!toStdout) {
    if (failure !== null) throw new CliError(failure, lines);
    return lines;
  }
  // Standard output carries the file: the summary for people goes to standard error.
  process.stderr.write(`${lines.join('\n')}\n`);
  if (failure !== null) throw new CliError(failure);
  return [];
}

/**
 * Reads the input files, runs the engine (once per definition compared) and adds what reading found to
 * the summary's issues. The grids are reachable only from here: once the analyses are made they are
 * garbage, so a million rows are not carried (and walked by the collector) through the writing.
 */
async function readAndAnalyze(options: ReportOptions, config: Pick<DefinitionFile, 'policy' | 'mapping'> | undefined,
  definitions: DefinitionFile[] | null, progress: ProgressBar): Promise<{ sources: LoadedInput['sources']; analysis: Analysis; comparison: Comparison | null }> {
  const { input, sources, readings } = await loadInput({ ...options, mapping: config?.mapping });
  const runs = definitions?.length ?? 1;
  // Each run (one per definition compared) is an equal share of the classifying phase.
  const onProgress = (run: number) => (p: { step: string; done: number; total: number }): void =>
    progress.update('classifying', run * p.total + p.done, runs * p.total, p.step.toLowerCase());
  let analysis: Analysis;
  try {
    analysis = analyze(input, { policy: config?.policy, mapping: config?.mapping, onProgress: onProgress(0) });
  } catch (error) {
    if (isAttributionError(error)) throw new CliError(`${sources.deals}: ${error.message}`);
    throw error;
  }
  // Each definition is a run of its own, exactly as `report --config` with its file would make it.
  let comparison: Comparison | null = null;
  if (definitions !== null) {
    const analyses = [analysis, ...definitions.slice(1).map((d, i) => {
      try {
        return analyze(input, { policy: d.policy, mapping: d.mapping, onProgress: onProgress(i + 1) });
      } catch (error) {
        if (isAttributionError(error)) throw new CliError(`${sources.deals} under ${d.file}: ${error.message}`);
        throw error;
      }
    })];
    comparison = compareRuns(definitions.map((d) => d.name), analyses);
  }
  addReadingIssues(analysis.summary, [readings.deals, readings.touches, readings.partners, readings.fx, readings.overrides], analysis.table.headerIndex);
  return { sources, analysis, comparison };
}

/** Refuses `--html -` (the page is a file to mail or print) and names other than .html/.htm. */
function checkHtmlPath(file: string): string {
  if (file === STDIO) throw new CliError('--html writes a file, not standard output; give a file name such as report.html.');
  if (!/\.html?$/i.test(file)) throw new CliError(`--html "${file}" must be an .html file name, e.g. report.html.`);
  return file;
}

/** The other tables and the policy file, as the HTML report's header names them. */
function htmlSources(sources: Partial<Record<'touches' | 'partners' | 'fx' | 'overrides', string>>, config: string | undefined): string[] {
  const list = (['touches', 'partners', 'fx', 'overrides'] as const).map((kind) => sources[kind]).filter((s): s is string => s !== undefined);
  return config === undefined ? list : [...list, `policy ${config}`];
}

/** "12 deals, 340,000.00 USD, need a decision; see Review in the workbook" */
function reviewLine(review: ReviewQueue, workbook: boolean): string {
  const n = review.items.length;
  if (n === 0) return 'No deals need a decision.';
  const money = review.amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${n.toLocaleString('en-US')} deal${n === 1 ? '' : 's'}, ${money} ${review.reportingCurrency}, need${n === 1 ? 's' : ''} a decision; `
    + (workbook ? 'see Review in the workbook.' : 'add --out report.xlsx to list them on a Review tab.');
}
