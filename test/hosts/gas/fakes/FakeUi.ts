/** In-memory Ui: the add-on menu, alerts and the sidebar, recorded for tests. */
import { counted } from './CallCounter';
import type { CallCounter } from './CallCounter';

type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;

export interface MenuEntry { label: string | null; functionName: string | null }

export class FakeMenu implements Pick<Menu, 'addItem' | 'addSeparator' | 'addToUi'> {
  readonly api: Menu;
  readonly entries: MenuEntry[] = [];

  constructor(private readonly ui: FakeUi, counter: CallCounter) {
    this.api = counted(this, 'Menu', counter) as unknown as Menu;
  }

  addItem(caption: string, functionName: string): Menu {
    this.entries.push({ label: caption, functionName });
    return this.api;
  }

  addSeparator(): Menu {
    this.entries.push({ label: null, functionName: null });
    return this.api;
  }

  addToUi(): void { this.ui.menus.push(this); }
}

export class FakeUi implements Pick<Ui, 'createAddonMenu' | 'alert' | 'showSidebar'> {
  readonly api: Ui;
  readonly menus: FakeMenu[] = [];
  readonly alerts: string[] = [];
  readonly sidebars: { title: string; content: string }[] = [];
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };

  constructor(private readonly counter: CallCounter) {
    this.api = counted(this, 'Ui', counter) as unknown as Ui;
  }

  createAddonMenu(): Menu { return new FakeMenu(this, this.counter).api; }

  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    this.alerts.push(args.filter((a) => typeof a === 'string' && !(a in this.ButtonSet)).join('\n'));
    return this.Button.OK as unknown as GoogleAppsScript.Base.Button;
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.sidebars.push({ title: userInterface.getTitle(), content: userInterface.getContent() });
  }
}
