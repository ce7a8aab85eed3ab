/** The engine's public API: everything a host, the CLI or the sidebar may use. */
export * from './types';
export { analyze } from './analyze';
export type { Analysis, AnalyzeOptions, DetectedTable } from './analyze';
export { AttributionError, isAttributionError } from './AttributionError';
export { DEFAULT_POLICY, POLICY_KEYS, resolvePolicy, policyJsonSchema } from './policy';
export type { Policy, InfluenceModel, ConflictPolicy } from './policy';
export { buildReportTabs } from './report/buildReportTabs';
export { FORMATS, TAB_NAMES, literalText } from './report/ReportTab';
export type { ReportTab, ReportBlock, ChartSpec, FormatName } from './report/ReportTab';
export { PARTNER_COLUMNS } from './report/partnerColumns';
export { CUSTOM_FUNCTIONS, runFunction } from './functions/functionList';
export type { FunctionDef, ParamDef } from './functions/functionList';
export { partnerKey } from './partners/partnerKey';
export { headerKey, headerKey as stageKey } from './table/fieldSynonyms';
export { DEFAULT_SETTINGS } from './hostApi';
export type { Settings, DetectResult, PreviewResult, WriteResult, Progress, MappedField, PreviewRequest, SidebarServerApi } from './hostApi';
export { detect, preview, previewFromSummary, pickDataTab, pickSideTables, isSideTableName, parseSettings, classificationColumns, CLASSIFICATION_HEADERS, a1Range, columnLetter } from './service/sidebarService';
export type { TabData, SideTables } from './service/sidebarService';
