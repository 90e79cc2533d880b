/**
 * Calls the background's UI API from an extension page, over the same port protocol the React UI
 * uses. For tests that exercise background behaviour before (or beside) the UI screens.
 */
import type { Page } from 'playwright-core';

export class UiCallError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export async function callBackground<T = unknown>(page: Page, method: string, params?: unknown): Promise<T> {
  const answer = await page.evaluate(
    ({ method, params }) =>
      new Promise<{ ok: boolean; result?: unknown; error?: { code: string; message: string } }>((resolve) => {
        const port = chrome.runtime.connect({ name: 'wayfarer-ui' });
        port.onMessage.addListener((message: { type: string; id: number; ok: boolean; result?: unknown; error?: { code: string; message: string } }) => {
          if (message.type !== 'response' || message.id !== 1) return;
          port.disconnect();
          resolve(message);
        });
        port.onDisconnect.addListener(() => resolve({ ok: false, error: { code: 'ui.disconnected', message: 'port closed' } }));
        port.postMessage({ type: 'request', id: 1, method, params });
      }),
    { method, params },
  );
  if (!answer.ok) throw new UiCallError(answer.error?.code ?? 'unknown', answer.error?.message ?? 'unknown error');
  return answer.result as T;
}
