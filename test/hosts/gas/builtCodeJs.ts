/**
 * Builds the add-on once per test file into a temp folder (the real build script, the real sources) and
 * loads Code.js the way Apps Script does: one plain script in a fresh global scope, no module system.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import type { AppsScriptFakes } from './fakes/appsScriptGlobals';
import { createAppsScriptFakes } from './fakes/appsScriptGlobals';
import type { FakeSheet } from './fakes/FakeSheet';

const ROOT = path.resolve(__dirname, '../../..');
let built: string | null = null;

/** The built project folder (Code.js, Sidebar.html, appsscript.json). */
export function buildGas(): string {
  if (built) return built;
  const temp = mkdtempSync(path.join(os.tmpdir(), 'pa-gas-'));
  const outDir = path.join(temp, 'gas');
  // The sidebar is another target's output: build the real one into this temp folder, so the tests see
  // exactly what ships (its content policy included), whatever else has or has not been built.
  const sidebarScript = `import { build } from ${JSON.stringify(path.join(ROOT, 'scripts/build/sidebar.mjs'))};
await build({ outDir: ${JSON.stringify(temp)} });`;
  execFileSync(process.execPath, ['--input-type=module', '-e', sidebarScript], { cwd: ROOT, stdio: 'pipe' });
  const sidebarHtml = path.join(temp, 'sidebar.html');
  const script = `import { build } from ${JSON.stringify(path.join(ROOT, 'scripts/build/gas.mjs'))};
await build({ outDir: ${JSON.stringify(outDir)}, sidebarHtml: ${JSON.stringify(sidebarHtml)} });`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: 'pipe' });
  built = outDir;
  return outDir;
}

/** The text of the built Code.js. */
export const codeJsText = (): string => readFileSync(path.join(buildGas(), 'Code.js'), 'utf8');

/** A loaded Apps Script project: its global scope and the fakes behind the services. */
export interface LoadedProject extends AppsScriptFakes {
  context: vm.Context;
  /** Calls a top-level function of Code.js by name, as Apps Script or google.script.run would. */
  call<T = unknown>(name: string, ...args: unknown[]): T;
}

/** Loads Code.js into a fresh global scope with fresh fakes. */
export function loadProject(options: { timeZone?: string } = {}): LoadedProject {
  const dir = buildGas();
  const fakes = createAppsScriptFakes(dir, options);
  const context = vm.createContext({ ...fakes.globals });
  vm.runInContext(readFileSync(path.join(dir, 'Code.js'), 'utf8'), context, { filename: 'Code.js' });
  const call = <T>(name: string, ...args: unknown[]): T => {
    const fn = (context as Record<string, unknown>)[name];
    if (typeof fn !== 'function') throw new Error(`test: Code.js has no top-level function ${name}`);
    return (fn as (...a: unknown[]) => T)(...args);
  };
  fakes.spreadsheet.evaluate = (formula, sheet) => evaluateCustomFunction(formula, sheet, context);
  return { ...fakes, context, call };
}

const fromLetters = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * Runs "=PARTNER_X(Deals!A1:O8, "Acme", A2:A5)" through Code.js as Sheets would: ranges as 2D arrays
 * (one cell as a bare value), text and numbers as they are; an error shows as #ERROR!. Other formulas
 * are not computed (undefined).
 */
function evaluateCustomFunction(formula: string, sheet: FakeSheet, context: vm.Context): string | number | boolean | Date | undefined {
  const m = /^=(PARTNER_[A-Z]+)\((.*)\)$/i.exec(formula.trim());
  if (!m) return undefined;
  const fn = (context as Record<string, unknown>)[m[1]!.toUpperCase()];
  if (typeof fn !== 'function') return '#NAME?';
  const args = (m[2]!.match(/"[^"]*"|[^,]+/g) ?? []).map((raw) => {
    const text = raw.trim();
    if (text.startsWith('"')) return text.slice(1, -1);
    if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
    const ref = /^(?:'?([^'!]+)'?!)?([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(text);
    if (!ref) return text;
    const target = ref[1] ? sheet.spreadsheet.tab(ref[1]) : sheet;
    const values = target.api.getRange(+ref[3]!, fromLetters(ref[2]!), ref[5] ? +ref[5] - +ref[3]! + 1 : 1, ref[4] ? fromLetters(ref[4]) - fromLetters(ref[2]!) + 1 : 1).getValues();
    return values.length === 1 && values[0]!.length === 1 ? values[0]![0] : values;
  });
  try {
    const result = (fn as (...a: unknown[]) => unknown)(...args);
    return (Array.isArray(result) ? (result as unknown[][])[0]?.[0] : result) as string | number | boolean | Date;
  } catch {
    return '#ERROR!';
  }
}
