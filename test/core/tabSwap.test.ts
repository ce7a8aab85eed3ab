/** The host-independent half of the all-or-nothing swap: its order, what it restores, its names and its cell count. */
import { backupTabNames, keptBackupName, swapPeakCells, swapTabs } from '../../src/core';
import type { SwapSteps } from '../../src/core';

/** Steps that record what they are asked to do and fail where told (the n-th call of a step). */
const recorder = (failAt: Partial<Record<keyof SwapSteps, number>> = {}) => {
  const log: string[] = [];
  const calls = new Map<string, number>();
  const step = (name: keyof SwapSteps) => (i?: number) => {
    const n = (calls.get(name) ?? 0) + 1;
    calls.set(name, n);
    log.push(i === undefined ? name : `${name} ${i}`);
    if (failAt[name] === n) throw new Error(`${name} failed.`);
    return name === 'keepBackup' ? `backup of ${i}` : undefined;
  };
  const steps = Object.fromEntries((['writeTemporary', 'backup', 'refill', 'finish', 'restore', 'removeTemporaries', 'removeBackup', 'keepBackup', 'tidy'] as const)
    .map((name) => [name, step(name)])) as unknown as SwapSteps;
  return { log, steps };
};
// Tabs 0 and 2 refill existing tabs; tab 1 is new.
const TABS = [{ sheetName: 'Partner Summary', refills: true }, { sheetName: 'Review', refills: false }, { sheetName: 'Deal Attribution', refills: true }];

describe('swapTabs', () => {
  it('writes every temporary, then backs up every old tab, before it touches one; tidies only after every tab is finished', () => {
    const { log, steps } = recorder();
    expect(swapTabs(TABS, steps)).toEqual([]);
    expect(log).toEqual(['writeTemporary 0', 'writeTemporary 1', 'writeTemporary 2', 'backup 0', 'backup 2', 'refill 0', 'refill 2',
      'finish 0', 'finish 1', 'finish 2', 'tidy']);
  });

  it('a failed refill of the second old tab restores both touched tabs and removes temporaries and backups', () => {
    const { log, steps } = recorder({ refill: 2 });
    expect(() => swapTabs(TABS, steps)).toThrow(/^The summary tabs could not be written \(refill failed\)\. Your previous summary tabs are unchanged/);
    expect(log.slice(log.indexOf('refill 2'))).toEqual(['refill 2', 'restore 0', 'restore 2', 'removeTemporaries', 'removeBackup 0', 'removeBackup 2']);
  });

  it('a failed backup touches no old tab', () => {
    const { log, steps } = recorder({ backup: 2 });
    expect(() => swapTabs(TABS, steps)).toThrow(/could not be written \(backup failed\)/);
    expect(log.filter((l) => /refill|restore/.test(l))).toEqual([]);
    expect(log.slice(-3)).toEqual(['removeTemporaries', 'removeBackup 0', 'removeBackup 2']);
  });

  it('a restore that fails keeps that backup, names it in the error, and still restores the others', () => {
    const { log, steps } = recorder({ finish: 2, restore: 1 });
    expect(() => swapTabs(TABS, steps)).toThrow(/could not be written \(finish failed\), and putting back the previous content failed too \(restore failed\)\. Nothing is lost: the previous content of "Partner Summary" is in "backup of 0"/);
    expect(log.slice(log.indexOf('restore 0'))).toEqual(['restore 0', 'keepBackup 0', 'restore 2', 'removeTemporaries', 'removeBackup 2']);
  });

  it('a failed tidy-up after the commit is a note, not an error: the report is complete', () => {
    const { steps } = recorder({ tidy: 1 });
    expect(swapTabs(TABS, steps)).toEqual([expect.stringMatching(/^The summary tabs were written, but tidying up after them failed \(tidy failed\)/)]);
  });
});

describe('swapPeakCells', () => {
  it('counts temporaries, then backups of the old tabs, then each old tab grown to the larger of old and new while its temporary exists', () => {
    // Partner Summary: new 40x30, old 30x30. Deal Attribution: new 3,001x14, old 21x16. A new sheet: 1,000x26.
    const tabs = [{ rows: 40, cols: 30, old: { rows: 30, cols: 30 } }, { rows: 3001, cols: 14, old: { rows: 21, cols: 16 } }];
    const temporaries = 1200 + 42014;
    const backups = 900 + 336;
    // Refilling Partner Summary grows it by 300 cells; its temporary (1,200) then goes. Deal Attribution grows
    // to 3,001x16 (48,016 - 336 = 47,680) while its own temporary still exists.
    expect(swapPeakCells(tabs, 26_000)).toBe(temporaries + backups + 300 - 1200 + 47_680);
  });

  it('a first write (no old tabs) needs its temporaries, and a fresh sheet before it is cut to size', () => {
    expect(swapPeakCells([{ rows: 10, cols: 5, old: null }], 26_000)).toBe(26_000);
    expect(swapPeakCells([{ rows: 100, cols: 30, old: null }, { rows: 2000, cols: 14, old: null }], 26_000)).toBe(3000 + 28_000);
  });
});

describe('backup names', () => {
  it('are numbered past the taken names, and a kept one reads "(previous)" within the name limit', () => {
    expect(backupTabNames(2, ['PA new backup 1'])).toEqual(['PA new backup 2', 'PA new backup 3']);
    expect(keptBackupName('Partner Summary', ['Partner Summary (previous)'], 31)).toBe('Partner Summary (previous 2)');
    // Excel's 31-character limit: the tab's name is shortened, the "(previous)" kept.
    expect(keptBackupName('Partner Segments by Region (2)', [], 31)).toBe('Partner Segments by (previous)');
  });
});
