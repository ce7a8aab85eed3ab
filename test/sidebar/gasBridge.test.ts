/** The Google bridge turns google.script.run's handler pairs into promises, one server call per bridge call. */
import { createGasBridge } from '../../sidebar/bridges/gasBridge';
import type { ScriptRunner } from '../../sidebar/bridges/gasBridge';
import type { Progress, Settings } from '../../src/core/hostApi';

/** A fake google.script.run: each server function answers from `server` or throws like Apps Script does. */
function fakeRun(server: Record<string, (...args: unknown[]) => unknown>, calls: [string, unknown[]][]): ScriptRunner {
  const make = (ok?: (v: unknown) => void, fail?: (e: unknown) => void): ScriptRunner => {
    const runner: ScriptRunner = {
      withSuccessHandler: (handler) => make(handler, fail),
      withFailureHandler: (handler) => make(ok, handler),
    };
    for (const [name, fn] of Object.entries(server)) {
      runner[name] = (...args: unknown[]) => {
        calls.push([name, args]);
        setTimeout(() => {
          try { ok?.(fn(...args)); } catch (error) { fail?.(error); }
        }, 0);
      };
    }
    return runner;
  };
  return make();
}

const settings: Settings = { version: 1, tab: 'Deals', mapping: {}, policy: {} };

describe('the Google bridge', () => {
  test('calls the named server function with the request and resolves with its answer', async () => {
    const calls: [string, unknown[]][] = [];
    const bridge = createGasBridge(() => fakeRun({ paLoadSettings: () => settings, paSaveSettings: () => undefined }, calls));
    await expect(bridge.loadSettings()).resolves.toEqual(settings);
    await expect(bridge.saveSettings(settings)).resolves.toBeUndefined();
    expect(calls).toEqual([['paLoadSettings', []], ['paSaveSettings', [settings]]]);
  });

  test('rejects with the server\'s message when the server function throws', async () => {
    const bridge = createGasBridge(() => fakeRun({ paWriteSummary: () => { throw new Error('Exception: You do not have permission'); } }, []));
    const steps: Progress[] = [];
    await expect(bridge.writeSummary({ tab: 'Deals', settings }, (p) => steps.push(p))).rejects.toThrow('Exception: You do not have permission');
    expect(steps).toEqual([{ step: 'Writing the summary tabs', done: 0, total: 1 }]);
  });

  test('says how to connect when the page is not inside Google Sheets', async () => {
    await expect(createGasBridge(() => undefined).detect(null)).rejects.toThrow('Open it from Extensions > Partner Attribution.');
  });

  test('says the deployment is out of date when a server function is missing', async () => {
    await expect(createGasBridge(() => fakeRun({}, [])).preview({ tab: null, settings })).rejects.toThrow('has no function paPreview');
  });
});
