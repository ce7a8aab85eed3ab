/**
 * The local preview page (npm run preview): the example workbook as a read-only grid beside the
 * sidebar, which runs the real engine through the demo bridge. `?fail=writeSummary` (or any bridge
 * method) makes that call fail, to show how host errors look.
 */
import { mountSidebar } from '../mountSidebar';
import { createDemoBridge } from '../bridges/demoBridge';
import type { DemoMethod } from '../bridges/demoBridge';
import { workbookFromTabs } from '../bridges/demoWorkbook';
import type { EmbeddedTab } from '../bridges/demoWorkbook';
import { createWorkbookView } from './workbookView';

const METHODS: readonly DemoMethod[] = ['detect', 'preview', 'classify', 'writeSummary', 'loadSettings', 'saveSettings', 'compareDefinitions', 'writeStatement', 'appendOverride'];

const embedded = JSON.parse(document.getElementById('pa-workbook')?.textContent ?? '[]') as EmbeddedTab[];
const workbook = workbookFromTabs(embedded);
const view = createWorkbookView(workbook);

const params = new URLSearchParams(location.search);
const failParam = params.get('fail');
const fail = METHODS.find((m) => m === failParam);
const delay = Number(params.get('delay'));

const bridge = createDemoBridge(workbook, {
  fail: fail ? { method: fail, message: params.get('failMessage') ?? undefined } : undefined,
  stepDelayMs: Number.isFinite(delay) && params.has('delay') ? delay : undefined,
  onChange: (_, tab) => view.render(tab),
});

document.getElementById('pa-workbook-view')?.append(view.element);
const root = document.getElementById('pa-sidebar');
if (root) mountSidebar(root, bridge);
