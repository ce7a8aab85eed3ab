/** The one way this host reaches the workbook: `Excel.run`, injectable so tests pass a mock context. */

/** `Excel.run` as the writers and the reader use it. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The real `Excel.run` (only inside Excel). */
export const defaultExcelRun: ExcelRun = (batch) => {
  const excel = (globalThis as { Excel?: typeof Excel }).Excel;
  if (!excel) return Promise.reject(new Error('Partner Attribution: Excel is not available on this page.'));
  return excel.run(batch);
};
