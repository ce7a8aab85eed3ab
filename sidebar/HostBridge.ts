/** The one interface the sidebar talks to: implemented by the Sheets, Excel and demo bridges. */
import type { DetectResult, PreviewRequest, PreviewResult, Progress, Settings, WriteResult } from '../src/core/hostApi';
import type { AppendOverrideRequest, CompareRequest, CompareResult, StatementRequest } from '../src/core/hostApi';

export interface HostBridge {
  /** Which host this is, for wording ("sheet" vs "worksheet") and help links. */
  readonly host: 'sheets' | 'excel' | 'demo';
  /** Finds the data tab (the given one, else the saved or auto-detected one), its header row and column mapping. */
  detect(tab: string | null): Promise<DetectResult>;
  /** Runs the engine and returns KPIs, the top partners and the issue count. */
  preview(request: PreviewRequest): Promise<PreviewResult>;
  /** Writes the Partner Motion, Partner(s) and Reason columns next to the data (only in columns the add-on owns). */
  classify(request: PreviewRequest, onProgress?: (progress: Progress) => void): Promise<WriteResult>;
  /** Writes (or replaces) the add-on's five summary tabs. */
  writeSummary(request: PreviewRequest, onProgress?: (progress: Progress) => void): Promise<WriteResult>;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  /** Runs the chosen definitions on the tab and writes (or replaces) the Definitions Compared tab. */
  compareDefinitions(request: CompareRequest, onProgress?: (progress: Progress) => void): Promise<CompareResult>;
  /** Writes (or replaces) one partner's statement tab, never over a user's tab. */
  writeStatement(request: StatementRequest, onProgress?: (progress: Progress) => void): Promise<WriteResult>;
  /**
   * Appends one override row to the user's Attribution Overrides tab (created with its header row
   * when absent), in the tab's own column order, after its last non-empty row; never changes another row.
   */
  appendOverride(request: AppendOverrideRequest): Promise<WriteResult>;
}
