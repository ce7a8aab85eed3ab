/** The bench's command line: --sizes, --runs, --out, --seed (and the internal --child request). */
import type { TaskRequest } from './measureTask';

export interface BenchArgs {
  sizes: number[];
  /** Measured runs per size; null = the per-size default. */
  runs: number | null;
  out: string;
  seed: number;
  /** Set in a measurement child process. */
  child: TaskRequest | null;
}

/** A bad command line, shown as one line without a stack trace. */
export class BenchArgsError extends Error {}

const USAGE = 'usage: npm run bench -- [--sizes 10000,100000,1000000] [--runs N] [--out bench/results.json] [--seed N]';

const positiveInt = (text: string | undefined, flag: string): number => {
  const value = Number(text?.replace(/_/g, ''));
  if (text === undefined || !Number.isInteger(value) || value <= 0) throw new BenchArgsError(`${flag} needs a whole number above 0; got "${text ?? ''}". ${USAGE}`);
  return value;
};

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { sizes: [10_000, 100_000, 1_000_000], runs: null, out: 'bench/results.json', seed: 20240105, child: null };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    switch (flag) {
      case '--sizes':
        if (value === undefined) throw new BenchArgsError(`--sizes needs a list such as 10000,100000. ${USAGE}`);
        args.sizes = value.split(',').map((s) => positiveInt(s.trim(), '--sizes'));
        i++;
        break;
      case '--runs': args.runs = positiveInt(value, '--runs'); i++; break;
      case '--seed': args.seed = positiveInt(value, '--seed'); i++; break;
      case '--out':
        if (value === undefined || value.startsWith('--')) throw new BenchArgsError(`--out needs a file name. ${USAGE}`);
        args.out = value;
        i++;
        break;
      case '--child': args.child = JSON.parse(value ?? '{}') as TaskRequest; i++; break;
      default: throw new BenchArgsError(`unknown option "${flag}". ${USAGE}`);
    }
  }
  return args;
}
