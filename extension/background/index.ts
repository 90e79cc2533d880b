/**
 * Background service worker: the composition root. It only wires services together.
 */
chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  // Only the extension's own pages may ask for status; pages go through the content relay.
  if (sender.id !== chrome.runtime.id || sender.tab !== undefined) return false;
  if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'ping') {
    sendResponse({ type: 'pong', version: chrome.runtime.getManifest().version });
  }
  return false;
});
