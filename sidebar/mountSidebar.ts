/** The sidebar: one UI for Sheets, Excel and the local preview, talking only to a HostBridge. */
import type { HostBridge } from './HostBridge';
import type { DetectResult, PreviewRequest, Settings } from '../src/core/hostApi';
import { DEFAULT_SETTINGS } from '../src/core/hostApi';
import type { Field } from '../src/core/types';
import type { Policy } from '../src/core/policy';
import { el, replaceChildren } from './dom';
import { section } from './controls';
import { createNotice } from './notice';
import { debounce } from './debounce';
import { friendlyError } from './friendlyError';
import { draftPolicy, policyOverrides } from './policyDraft';
import { renderDataSection } from './sections/dataSection';
import { mappingSummary, renderMappingSection } from './sections/mappingSection';
import type { MappingChoice } from './sections/mappingSection';
import { renderPolicySection } from './sections/policySection';
import { renderPreview } from './sections/previewSection';
import { createActionsView } from './sections/actionsSection';
import { sqlSectionBody } from './sections/sqlSection';
import type { ActionKind } from './sections/actionsSection';
import { createDefinitionChoice } from './sections/definitionChoice';
import { createCompareView } from './sections/compareSection';
import { createStatementView } from './sections/statementSection';
import { createReviewView } from './sections/reviewSection';

/** How long the preview waits after the last edit before it asks the host to recompute. */
export const PREVIEW_DEBOUNCE_MS = 350;

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Builds the sidebar inside `root` and starts it: load the saved settings, detect the deals table,
 * show the preview. Everything the sidebar shows comes from the bridge; it computes nothing itself.
 */
export function mountSidebar(root: HTMLElement, bridge: HostBridge): void {
  const sheetWord = bridge.host === 'excel' ? 'worksheet' : 'sheet';
  let detected: DetectResult | null = null;
  let settings: Settings = copy(DEFAULT_SETTINGS) as Settings;
  let policy: Policy = draftPolicy({});
  let previewSeq = 0;
  let detectSeq = 0;
  let detectFailed = false;

  const dataBody = el('div');
  const dataNotice = createNotice('data');
  const dataSection = el('section', { className: 'section section-data', attrs: { 'aria-labelledby': 'pa-data-title' } }, [
    el('h2', { text: 'Your deals', attrs: { id: 'pa-data-title' } }), dataBody, dataNotice.element,
  ]);
  const mappingBody = el('div');
  const mappingCount = el('span', { className: 'summary-extra' });
  const mappingDetails = section('Columns', 'mapping', false, [mappingBody], mappingCount);
  const policyBody = el('div');
  const policyDetails = section('Attribution rules', 'policy', false, [policyBody]);
  // The preview comes first. Its key figures stay in view while the rest scrolls (sticky), so they are
  // a child of the sidebar root itself; the motions, facts and top partners follow below them.
  const previewFigures = el('div', { className: 'preview-figures', attrs: { 'data-preview-figures': '' } }, [
    el('p', { className: 'muted', text: 'The preview appears once your deals are found.' }),
  ]);
  const previewBody = el('div', { className: 'preview-body', attrs: { 'data-preview': '' } });
  const previewState = el('span', { className: 'preview-state', attrs: { 'aria-live': 'polite' } });
  const previewNotice = createNotice('preview');
  const previewKey = el('section', { className: 'section section-preview preview-key', attrs: { 'aria-labelledby': 'pa-preview-title', 'data-section': 'preview' } }, [
    el('h2', { attrs: { id: 'pa-preview-title' } }, ['Preview ', previewState]), previewNotice.element, previewFigures,
  ]);
  const previewDetails = el('section', { className: 'section section-preview-details', attrs: { 'aria-label': 'Preview details' } }, [previewBody]);
  const actions = createActionsView((kind) => void runAction(kind));
  const definitionChoice = createDefinitionChoice((sourcingEvidence) => changePolicy({ ...policy, sourcingEvidence }));
  const compareView = createCompareView((definitions, onProgress) => bridge.compareDefinitions({ ...request(), definitions }, onProgress));
  const statementView = createStatementView((partner, onProgress) => bridge.writeStatement({ ...request(), partner }, onProgress));
  const reviewView = createReviewView(async (override) => { await bridge.appendOverride({ ...request(), override }); await refreshPreview(); });
  const sqlDetails = section('Export rules as SQL', 'sql', false, [sqlSectionBody(() => ({ detected, settings: copy(settings) }), createNotice('sql'))]);

  root.classList.add('pa-sidebar');
  root.append(
    el('header', { className: 'pa-header' }, [
      el('h1', { text: 'Partner Attribution' }),
      el('p', { className: 'intro', text: 'Labels each deal partner sourced, influenced, resold or direct, credits partners, and writes summary tabs.' }),
    ]),
    previewKey, previewDetails,
    actions.element, reviewView.element, dataSection, mappingDetails, definitionChoice.element, policyDetails, compareView.element, statementView.element, sqlDetails,
  );

  const request = (): PreviewRequest => ({ tab: detected?.tab ?? settings.tab, settings: copy(settings) });

  // Re-rendering replaces controls; keep keyboard focus on the control with the same name.
  const keepingFocus = (render: () => void): void => {
    const name = document.activeElement instanceof HTMLElement && root.contains(document.activeElement)
      ? document.activeElement.getAttribute('name') : null;
    render();
    if (name) root.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`)?.focus();
  };

  const renderAll = (): void => keepingFocus(() => {
    renderDataSection(dataBody, detected, sheetWord, { onTab: (tab) => void chooseTab(tab), onDetectAgain: () => void detectNow() }, detectFailed);
    if (detected && detectFailed) {
      replaceChildren(mappingBody, [el('p', { className: 'muted', text: `The columns appear once the deals ${sheetWord} can be read.` })]);
      mappingCount.textContent = '';
    } else if (detected) {
      renderMappingSection(mappingBody, detected, { onChange: (field, column) => void changeMapping(field, column), onReset: () => void changeMapping(null, null) });
      const summary = mappingSummary(detected);
      mappingCount.textContent = ` ${summary.text}`;
      mappingCount.classList.toggle('summary-problem', summary.missingRequired);
      if (summary.missingRequired) mappingDetails.open = true;
    }
    renderPolicySection(policyBody, policy, detected, { onChange: changePolicy, onReset: resetPolicy });
    definitionChoice.render(policy);
    compareView.render(policy);
  });

  const save = async (): Promise<boolean> => {
    try {
      await bridge.saveSettings(copy(settings));
      return true;
    } catch (error) {
      previewNotice.show(friendlyError(error, 'save your settings'));
      return false;
    }
  };

  const refreshPreview = async (): Promise<void> => {
    const seq = ++previewSeq;
    previewState.textContent = 'Updating…';
    previewBody.classList.add('stale');
    previewFigures.classList.add('stale');
    try {
      const result = await bridge.preview(request());
      if (seq !== previewSeq) return;
      previewNotice.clear();
      renderPreview({ figures: previewFigures, body: previewBody }, result);
      statementView.setPartners(result.statementPartners ?? []);
      reviewView.render(result);
      previewBody.classList.remove('stale');
      previewFigures.classList.remove('stale');
      await save();
    } catch (error) {
      if (seq !== previewSeq) return;
      previewNotice.show(friendlyError(error, 'update the preview'));
    } finally {
      if (seq === previewSeq) previewState.textContent = '';
    }
  };
  const schedulePreview = debounce(() => void refreshPreview(), PREVIEW_DEBOUNCE_MS);

  const detectNow = async (): Promise<void> => {
    const seq = ++detectSeq;
    dataNotice.clear();
    try {
      const result = await bridge.detect(detected?.tab ?? settings.tab);
      if (seq !== detectSeq) return;
      detected = result;
      detectFailed = false;
      settings = { ...copy(result.settings), policy: settings.policy };
      renderAll();
      if (result.settingsWarning) dataNotice.show({ message: result.settingsWarning, next: 'Check the columns and rules below; they are saved again with your next change.' });
      schedulePreview.cancel();
      await refreshPreview();
    } catch (error) {
      if (seq !== detectSeq) return;
      dataNotice.show(friendlyError(error, `read the deals ${sheetWord}`));
      detectFailed = true;
      renderAll();
      // The old numbers would describe a table that is no longer chosen: take them away.
      previewSeq++;
      previewState.textContent = '';
      replaceChildren(previewFigures, [el('p', { className: 'muted', text: 'No preview until the deals can be read: see the message under "Your deals".' })]);
      replaceChildren(previewBody, []);
      statementView.setPartners([]);
      reviewView.clear();
    }
  };

  const chooseTab = async (tab: string): Promise<void> => {
    settings = { ...settings, tab, mapping: {} };
    if (detected) detected = { ...detected, tab };
    if (await save()) await detectNow();
  };

  const changeMapping = async (field: Field | null, column: MappingChoice): Promise<void> => {
    settings = { ...settings, mapping: field === null ? {} : { ...settings.mapping, [field]: column } };
    if (await save()) await detectNow();
  };

  function changePolicy(next: Policy): void {
    policy = next;
    settings = { ...settings, policy: policyOverrides(next) };
    schedulePreview();
  }

  function resetPolicy(): void {
    changePolicy(draftPolicy({}));
    renderAll();
  }

  const runAction = async (kind: ActionKind): Promise<void> => {
    schedulePreview.cancel();
    actions.start(kind);
    try {
      await bridge.saveSettings(copy(settings));
      const onProgress = actions.progress;
      const result = kind === 'classify' ? await bridge.classify(request(), onProgress) : await bridge.writeSummary(request(), onProgress);
      actions.done(result);
    } catch (error) {
      actions.failed(friendlyError(error, kind === 'classify' ? 'add the classification columns' : 'write the summary tabs'));
    } finally {
      actions.finish();
    }
  };

  const start = async (): Promise<void> => {
    renderAll();
    try {
      const saved = await bridge.loadSettings();
      settings = copy(saved);
      policy = draftPolicy(saved.policy);
    } catch (error) {
      dataNotice.show(friendlyError(error, 'load your saved settings'));
    }
    await detectNow();
  };
  void start();
}
