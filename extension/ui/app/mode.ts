/**
 * Whether this page is the toolbar popup or a full tab. The popup has a fixed small window sized
 * by the page; a tab (always, on mobile Chromium) gets the whole viewport. Decided synchronously
 * before the first render so the layout never jumps.
 */
export type PageMode = 'popup' | 'tab';

export function detectPageMode(): PageMode {
  try {
    const popups = chrome.extension?.getViews?.({ type: 'popup' }) ?? [];
    return popups.includes(window) ? 'popup' : 'tab';
  } catch {
    return 'tab';
  }
}

export function applyPageMode(mode: PageMode): void {
  document.documentElement.classList.add(`mode-${mode}`);
}

/** Opens the wallet in a full tab (at `path`) — for onboarding and for long forms. */
export function openInTab(path = '/'): void {
  void chrome.tabs.create({ url: chrome.runtime.getURL(`popup.html#${path}`) });
  if (detectPageMode() === 'popup') window.close();
}
