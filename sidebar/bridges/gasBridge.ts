/** The Google Sheets bridge: each HostBridge call is one google.script.run call to the add-on's server functions. */
import type { HostBridge } from '../HostBridge';
import type { PreviewRequest, Progress, SidebarServerApi } from '../../src/core/hostApi';

type ServerName = keyof SidebarServerApi;

/** The part of google.script.run the bridge uses, typed by the server API (one runner per call). */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [name: string]: unknown;
}

/** Where the bridge finds google.script.run; tests hand in a fake. */
export type RunnerSource = () => ScriptRunner | undefined;

const defaultRunner: RunnerSource = () =>
  (globalThis as { google?: { script?: { run?: ScriptRunner } } }).google?.script?.run;

/**
 * Calls one server function and resolves with its return value. Apps Script runs server calls
 * synchronously and reports no progress, so long runs show an indeterminate bar plus one final step.
 */
export function callServer<K extends ServerName>(name: K, args: Parameters<SidebarServerApi[K]>, source: RunnerSource = defaultRunner): Promise<ReturnType<SidebarServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const run = source();
    if (!run) {
      reject(new Error('The sidebar is not connected to Google Sheets. Open it from Extensions > Partner Attribution.'));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as ReturnType<SidebarServerApi[K]>))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String((error as { message?: unknown })?.message ?? error))));
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(`The add-on's server has no function ${name}: the deployed version is older than this sidebar. Reload the spreadsheet.`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

const withFinalStep = async <T>(step: string, work: Promise<T>, onProgress?: (p: Progress) => void): Promise<T> => {
  onProgress?.({ step, done: 0, total: 1 });
  const value = await work;
  onProgress?.({ step: 'Done', done: 1, total: 1 });
  return value;
};

/** The HostBridge for Apps Script's HtmlService sidebar. */
export function createGasBridge(source: RunnerSource = defaultRunner): HostBridge {
  return {
    host: 'sheets',
    detect: (tab) => callServer('paDetect', [tab], source),
    preview: (request: PreviewRequest) => callServer('paPreview', [request], source),
    classify: (request, onProgress) => withFinalStep('Adding the classification columns', callServer('paClassify', [request], source), onProgress),
    writeSummary: (request, onProgress) => withFinalStep('Writing the summary tabs', callServer('paWriteSummary', [request], source), onProgress),
    loadSettings: () => callServer('paLoadSettings', [], source),
    saveSettings: (settings) => callServer('paSaveSettings', [settings], source).then(() => undefined),
    compareDefinitions: (request, onProgress) => withFinalStep('Comparing the definitions', callServer('paCompareDefinitions', [request], source), onProgress),
    appendOverride: (request) => callServer('paAppendOverride', [request], source),
    writeStatement: (request, onProgress) => withFinalStep(`Writing the statement for ${request.partner}`, callServer('paWriteStatement', [request], source), onProgress),
  };
}
