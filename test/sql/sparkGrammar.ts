/**
 * Test helper: Spark SQL's own grammar (dt-sql-parser's SparkSQL, an ANTLR parser generated from an
 * adaptation of Apache Spark 3.5's SqlBaseLexer.g4 / SqlBaseParser.g4) reading whole scripts, in this process.
 *
 * dt-sql-parser ships ES modules only, with extension-less relative imports ("./parser") that
 * Node's ESM loader refuses, and jest here runs CommonJS. esbuild (already the build's bundler)
 * resolves those imports and writes the package as one CommonJS bundle once per test file, so the
 * parser loads in the jest worker: no child process, no import hook, no transform of node_modules.
 */
import { buildSync } from 'esbuild';
import type { SparkSQL as SparkSqlClass } from 'dt-sql-parser';

type SparkSql = InstanceType<typeof SparkSqlClass>;

let parser: SparkSql | null = null;

function sparkSql(): SparkSql {
  if (parser) return parser;
  const bundle = buildSync({
    stdin: { contents: "export { SparkSQL } from 'dt-sql-parser';", resolveDir: __dirname, loader: 'js' },
    bundle: true, format: 'cjs', platform: 'node', target: 'node20', write: false, logLevel: 'silent',
  });
  const module = { exports: {} as { SparkSQL?: typeof SparkSqlClass } };
  // The bundle is dt-sql-parser, antlr4ng and antlr4-c3 and nothing else: it requires no other module.
  new Function('module', 'exports', 'require', bundle.outputFiles[0]!.text)(module, module.exports, require);
  if (!module.exports.SparkSQL) throw new Error('dt-sql-parser exported no SparkSQL');
  parser = new module.exports.SparkSQL();
  return parser;
}

/** One syntax error: where it is (1-based line and column), ANTLR's message, and the text around it on its line. */
export interface SparkSyntaxError { line: number; column: number; message: string; text: string }

/** What Spark's grammar made of a script: its syntax errors, the statements it read (each one's text), the views they create. */
export interface SparkParse { errors: SparkSyntaxError[]; statements: string[]; createdViews: string[] }

/** The first errors say it; after them ANTLR's recovery mostly echoes the first. */
const MAX_ERRORS = 5;

/**
 * Parses `script` (any number of statements, comments included) exactly as given, as the library's
 * validate() does (SLL prediction, dt-sql-parser's own setting), with ANTLR's own error messages.
 * validate() itself is not used: after a first error it re-parses pieces split at every ";" outside
 * quotes (inside comments and backslash-escaped strings too), and reports those pieces' errors.
 */
export function parseSpark(script: string): SparkParse {
  const spark = sparkSql();
  const lines = script.split('\n');
  const errors: SparkSyntaxError[] = [];
  const add = (line: number, column: number, message: string): void => {
    if (errors.length >= MAX_ERRORS) return;
    errors.push({ line, column, message: message.slice(0, 300), text: (lines[line - 1] ?? '').slice(Math.max(0, column - 120), column + 40).trim() });
  };
  const parser = spark.createParser(script, (error) => add(error.startLine, error.startColumn, error.message));
  parser.removeErrorListeners();
  parser.addErrorListener({
    syntaxError: (_recognizer, _symbol, line, column, message) => add(line, column + 1, message),
    reportAmbiguity: () => undefined, reportAttemptingFullContext: () => undefined, reportContextSensitivity: () => undefined,
  });
  const program = parser.program();
  if (errors.length > 0) return { errors, statements: [], createdViews: [] };
  const statements = program.singleStatement().map((s) => script.slice(s.start!.start, s.stop!.stop + 1));
  const createdViews = (spark.getAllEntities(script) ?? []).filter((e) => e.entityContextType === 'viewCreate').map((e) => e.text);
  return { errors, statements, createdViews };
}
