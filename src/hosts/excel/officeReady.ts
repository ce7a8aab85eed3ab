/**
 * Waits for Office: a custom function can run before Office.onReady has fired (Excel calculates the
 * workbook as it opens), and until then the workbook's settings are not there to read. Outside
 * Office (no `Office` global at all) there is nothing to wait for.
 */

let ready: Promise<void> | null = null;

/** Resolves once Office.js is initialised (at once when the page runs outside Office). */
export function officeReady(): Promise<void> {
  const office = (globalThis as { Office?: { onReady?: () => Promise<unknown> } }).Office;
  if (!office?.onReady) return Promise.resolve();
  return (ready ??= office.onReady().then(() => undefined));
}
