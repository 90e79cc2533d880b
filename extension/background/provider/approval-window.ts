/**
 * Opens (or brings forward) the one approval page.
 *
 * Desktop browsers get a small popup window (`chrome.windows.create({ type: 'popup' })`). Mobile
 * Chromium browsers (Kiwi, Lemur, Yandex…) have no popup windows: `chrome.windows` is missing, or
 * creating one fails — then the page opens as a tab. The window/tab id is kept in
 * chrome.storage.session, so after a worker restart the same page is reused instead of stacking a
 * second one. When the user closes it, the caller is told (so waiting requests can be rejected).
 * @module
 */
import type { StorageArea } from '../storage-area.js';

export const APPROVAL_PAGE_PATH = 'approval/index.html';
const WINDOW_KEY = 'wayfarer.provider.approvalWindow';
const POPUP_SIZE = { width: 400, height: 680 };

interface OpenedPage {
  windowId?: number;
  tabId?: number;
}

/** The slices of chrome.windows/chrome.tabs this needs (chrome.windows may be absent). */
export interface WindowApis {
  windows?: {
    create(options: chrome.windows.CreateData): Promise<chrome.windows.Window | undefined>;
    update(windowId: number, info: chrome.windows.UpdateInfo): Promise<chrome.windows.Window>;
    remove(windowId: number): Promise<void>;
  };
  tabs: {
    create(options: chrome.tabs.CreateProperties): Promise<chrome.tabs.Tab>;
    update(tabId: number, info: chrome.tabs.UpdateProperties): Promise<chrome.tabs.Tab | undefined>;
    remove(tabId: number): Promise<void>;
  };
}

export class ApprovalWindow {
  private opening: Promise<void> | undefined;

  constructor(
    private readonly apis: WindowApis,
    private readonly session: StorageArea,
    private readonly pageUrl: string,
  ) {}

  private async read(): Promise<OpenedPage | undefined> {
    const value = (await this.session.get(WINDOW_KEY))[WINDOW_KEY];
    if (typeof value !== 'object' || value === null) return undefined;
    const { windowId, tabId } = value as OpenedPage;
    const page: OpenedPage = {};
    if (typeof windowId === 'number') page.windowId = windowId;
    if (typeof tabId === 'number') page.tabId = tabId;
    return page.windowId === undefined && page.tabId === undefined ? undefined : page;
  }

  /** Shows the approval page: focuses the open one, or opens it. Concurrent calls share one open. */
  show(): Promise<void> {
    this.opening ??= this.showOnce().finally(() => (this.opening = undefined));
    return this.opening;
  }

  private async showOnce(): Promise<void> {
    const current = await this.read();
    if (current && (await this.focus(current))) return;
    const opened = await this.open();
    await this.session.set({ [WINDOW_KEY]: opened });
  }

  private async focus(page: OpenedPage): Promise<boolean> {
    try {
      if (page.windowId !== undefined && this.apis.windows) {
        await this.apis.windows.update(page.windowId, { focused: true, drawAttention: true });
        return true;
      }
      if (page.tabId !== undefined) {
        return (await this.apis.tabs.update(page.tabId, { active: true })) !== undefined;
      }
    } catch {
      // Closed while we were not looking (e.g. during a worker restart).
    }
    return false;
  }

  private async open(): Promise<OpenedPage> {
    if (this.apis.windows) {
      try {
        const win = await this.apis.windows.create({ url: this.pageUrl, type: 'popup', focused: true, ...POPUP_SIZE });
        if (win?.id !== undefined) return { windowId: win.id, ...(win.tabs?.[0]?.id !== undefined ? { tabId: win.tabs[0].id } : {}) };
      } catch {
        // No popup windows in this browser (mobile Chromium): use a tab.
      }
    }
    const tab = await this.apis.tabs.create({ url: this.pageUrl, active: true });
    return tab.id === undefined ? {} : { tabId: tab.id };
  }

  /** Closes the page (nothing left to approve). */
  async close(): Promise<void> {
    const current = await this.read();
    await this.session.remove(WINDOW_KEY);
    if (!current) return;
    try {
      if (current.windowId !== undefined && this.apis.windows) await this.apis.windows.remove(current.windowId);
      else if (current.tabId !== undefined) await this.apis.tabs.remove(current.tabId);
    } catch {
      // Already closed.
    }
  }

  /** Reports whether a closed window/tab was the approval page (and forgets it if so). */
  async wasClosed(kind: 'window' | 'tab', id: number): Promise<boolean> {
    const current = await this.read();
    if (!current) return false;
    const ours = kind === 'window' ? current.windowId === id : current.tabId === id && current.windowId === undefined;
    if (ours) await this.session.remove(WINDOW_KEY);
    return ours;
  }
}
