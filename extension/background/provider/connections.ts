/**
 * The documents (page frames) talking to the provider, and how to reach each one.
 *
 * A document is identified by the browser's `documentId`. While its runtime port is open, messages
 * go over the port; once the worker has been stopped and restarted, ports are gone, so documents
 * that have used the provider are remembered in chrome.storage.session (bounded) and reached with
 * `chrome.tabs.sendMessage(tabId, …, { documentId })`, which targets exactly that document and fails
 * when it no longer exists (it is then forgotten).
 * @module
 */
import type { BackgroundDirect, BackgroundToContent } from '../../shared/provider-protocol.js';
import type { Requester } from './requester.js';
import type { StorageArea } from '../storage-area.js';

const DOCUMENTS_KEY = 'wayfarer.provider.documents';
const MAX_REMEMBERED_DOCUMENTS = 200;

export interface TabMessaging {
  sendMessage(tabId: number, message: BackgroundDirect, options: { documentId?: string; frameId?: number }): Promise<unknown>;
}

export class Connections {
  private readonly ports = new Map<string, chrome.runtime.Port>();
  private documents = new Map<string, Requester>();
  private loaded: Promise<void> | undefined;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly session: StorageArea,
    private readonly tabs: TabMessaging,
  ) {}

  private load(): Promise<void> {
    this.loaded ??= this.session.get(DOCUMENTS_KEY).then((stored) => {
      const list = stored[DOCUMENTS_KEY];
      if (!Array.isArray(list)) return;
      for (const item of list) {
        if (typeof item !== 'object' || item === null) continue;
        const r = item as Requester;
        if (typeof r.documentId === 'string' && typeof r.origin === 'string' && typeof r.tabId === 'number' && typeof r.frameId === 'number') {
          if (!this.documents.has(r.documentId)) this.documents.set(r.documentId, { origin: r.origin, documentId: r.documentId, tabId: r.tabId, frameId: r.frameId });
        }
      }
    });
    return this.loaded;
  }

  private save(): void {
    const list = [...this.documents.values()].slice(-MAX_REMEMBERED_DOCUMENTS);
    this.saving = this.saving.then(() => this.session.set({ [DOCUMENTS_KEY]: list })).catch(() => undefined);
  }

  /** A document connected (or reconnected after a restart). */
  async attach(requester: Requester, port: chrome.runtime.Port): Promise<void> {
    await this.load();
    this.ports.set(requester.documentId, port);
    this.documents.delete(requester.documentId); // re-insert: most recent last
    this.documents.set(requester.documentId, requester);
    while (this.documents.size > MAX_REMEMBERED_DOCUMENTS) {
      const oldest = this.documents.keys().next().value;
      if (oldest === undefined) break;
      this.documents.delete(oldest);
    }
    this.save();
  }

  /** The port closed while this worker ran: the document is gone (closed, navigated, cached). */
  detach(documentId: string, port: chrome.runtime.Port): void {
    if (this.ports.get(documentId) !== port) return;
    this.ports.delete(documentId);
    this.documents.delete(documentId);
    this.save();
  }

  isConnected(documentId: string): boolean {
    return this.ports.has(documentId);
  }

  /** Sends over the open port; returns false when there is none (or it just died). */
  post(documentId: string, message: BackgroundToContent): boolean {
    const port = this.ports.get(documentId);
    if (!port) return false;
    try {
      port.postMessage(message);
      return true;
    } catch {
      this.ports.delete(documentId);
      return false;
    }
  }

  /** Delivers over the port, or directly to the document; false when it no longer exists. */
  async deliver(documentId: string, message: BackgroundToContent): Promise<boolean> {
    if (this.post(documentId, message)) return true;
    await this.load();
    const doc = this.documents.get(documentId);
    if (!doc) return false;
    try {
      await this.tabs.sendMessage(doc.tabId, message, { documentId });
      return true;
    } catch {
      this.documents.delete(documentId);
      this.save();
      return false;
    }
  }

  /** Every known document (connected or remembered), optionally of one origin. */
  async known(origin?: string): Promise<Requester[]> {
    await this.load();
    return [...this.documents.values()].filter((d) => origin === undefined || d.origin === origin);
  }

  /** Whether a document still exists (its content script answers a ping). */
  async alive(doc: Requester): Promise<boolean> {
    if (this.ports.has(doc.documentId)) return true;
    try {
      await this.tabs.sendMessage(doc.tabId, { type: 'ping' }, { documentId: doc.documentId });
      return true;
    } catch {
      return false;
    }
  }

  /** The origin of a tab's top frame, as that frame's content script reports it (display only). */
  async topOrigin(tabId: number): Promise<string | null> {
    try {
      const answer = (await this.tabs.sendMessage(tabId, { type: 'ping' }, { frameId: 0 })) as { origin?: unknown } | undefined;
      return typeof answer?.origin === 'string' && answer.origin.length <= 300 ? answer.origin : null;
    } catch {
      return null;
    }
  }
}
