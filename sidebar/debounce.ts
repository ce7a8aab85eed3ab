/** Debouncing for the live preview: many quick edits, one refresh. */

/** A debounced call with a way to run it now or cancel it. */
export interface Debounced {
  (): void;
  flush(): void;
  cancel(): void;
}

/** Calls `fn` once, `waitMs` after the last call. */
export function debounce(fn: () => void, waitMs: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = (): void => {
    timer = null;
    fn();
  };
  const debounced = (() => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(run, waitMs);
  }) as Debounced;
  debounced.flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      run();
    }
  };
  debounced.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return debounced;
}
