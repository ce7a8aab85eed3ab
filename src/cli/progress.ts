/**
 * The progress bar of a long run, on standard error: it names the phase (reading, classifying,
 * writing), appears only on a terminal and only once a run has taken about a second, never with
 * --quiet, and clears itself before the summary is printed.
 */
import { SingleBar } from 'cli-progress';

/** The phases of a report run, in order. */
export type Phase = 'reading' | 'classifying' | 'writing';

/** Where each phase sits on the bar (percent at its start and end). */
const SPAN: Record<Phase, readonly [number, number]> = {
  reading: [0, 35],
  classifying: [35, 75],
  writing: [75, 100],
};

/** What a run reports its progress to. */
export interface ProgressBar {
  /** `done` of `total` steps of `phase` are finished; `detail` says which step runs now. */
  update(phase: Phase, done: number, total: number, detail?: string): void;
  /** Removes the bar from the terminal (call it before printing anything else, also on failure). */
  stop(): void;
}

/** The part of a stream the bar needs: a terminal reports `isTTY` and its width. */
export interface ProgressStream extends NodeJS.WritableStream {
  isTTY?: boolean;
  columns?: number;
  cursorTo?: (x: number, y?: number) => boolean;
  clearLine?: (dir: -1 | 0 | 1) => boolean;
  moveCursor?: (dx: number, dy: number) => boolean;
}

/** How the bar behaves; the defaults are the command line's. */
export interface ProgressOptions {
  /** --quiet: never show the bar. */
  quiet: boolean;
  /** Default: process.stderr. */
  stream?: ProgressStream;
  /** A run shorter than this shows no bar (default 1000 ms). */
  delayMs?: number;
  /** The clock (for tests). */
  now?: () => number;
}

/** A bar that shows nothing: for --quiet, for pipes and files, and for runs without a terminal. */
const SILENT: ProgressBar = { update: () => undefined, stop: () => undefined };

/** The command line's progress bar (silent when standard error is not a terminal, or with --quiet). */
export function progressBar(options: ProgressOptions): ProgressBar {
  const stream = options.stream ?? process.stderr;
  if (options.quiet || stream.isTTY !== true) return SILENT;
  const now = options.now ?? Date.now;
  const delayMs = options.delayMs ?? 1000;
  const started = now();
  let bar: SingleBar | null = null;
  let stopped = false;
  let shownPhase: Phase | null = null;
  return {
    update(phase, done, total, detail = '') {
      if (stopped) return;
      const [from, to] = SPAN[phase];
      const fraction = total > 0 ? Math.min(Math.max(done / total, 0), 1) : 0;
      const value = Math.round(from + (to - from) * fraction);
      const payload = { phase: phase.padEnd(11), detail };
      if (bar === null) {
        if (now() - started < delayMs) return;
        bar = new SingleBar({
          stream,
          format: '{phase} [{bar}] {percentage}% {detail}',
          barsize: 30,
          hideCursor: true,
          clearOnComplete: true,
          linewrap: false,
          fps: 8,
          synchronousUpdate: true,
        });
        bar.start(100, value, payload);
        shownPhase = phase;
        return;
      }
      bar.update(value, payload);
      // A new phase is drawn at once: the engine's work is synchronous, so the bar's timer cannot draw it.
      if (phase !== shownPhase) {
        shownPhase = phase;
        bar.render();
      }
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (bar === null) return;
      // Clears the line: the summary or the error message starts on a clean terminal line.
      bar.update(100);
      bar.stop();
    },
  };
}
