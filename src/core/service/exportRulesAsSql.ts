/** "Export rules as SQL" for the sidebar: the saved policy and the detected columns compiled for a warehouse. */
import type { DetectResult, Settings } from '../hostApi';
import { compilePolicyToSql } from '../sql/compilePolicyToSql';

/**
 * The column name a header usually gets once the sheet is loaded into a warehouse (BigQuery and
 * Spark both want letters, digits and underscores): "Close Date" -> "close_date".
 */
export const warehouseColumnName = (header: string): string =>
  header.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'column';

export interface ExportSqlRequest {
  dialect: string;
  dealsTable: string;
  touchesTable: string | null;
}

/** Compiles the rules for the detected table; throws AttributionError with a clear message for bad input. */
export function exportRulesAsSql(detected: Pick<DetectResult, 'headers' | 'fields'>, settings: Settings, request: ExportSqlRequest): string {
  const mapping: Record<string, string | null> = {};
  for (const field of detected.fields) {
    mapping[field.field] = field.column === null ? null : warehouseColumnName(detected.headers[field.column] ?? '');
  }
  return compilePolicyToSql({
    policy: settings.policy, mapping, dialect: request.dialect,
    dealsTable: request.dealsTable.trim() || 'deals', touchesTable: request.touchesTable?.trim() || null,
    // The sheet's other columns too, as loaded (so subtotal labels in, say, "Account Name" are found).
    exportHeaders: detected.headers.map((h) => (h.trim() === '' ? '' : warehouseColumnName(h))),
  });
}
