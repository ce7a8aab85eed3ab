/** Builds the five summary tabs of SPEC 6.2 as plain blocks of values and formats. */
import type { Analysis } from '../analyze';
import type { ReportTab } from './ReportTab';

export function buildReportTabs(_analysis: Analysis): ReportTab[] {
  throw new Error('report under construction');
}
