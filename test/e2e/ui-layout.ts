/**
 * Layout checks for the wallet pages, run in the page itself (real Chromium, real CSS):
 *
 * - nothing sticks out sideways: the document does not scroll horizontally, and no element or
 *   line of text reaches past the right edge — unless a box that clips or scrolls on purpose
 *   holds it (`overflow-x` other than visible; a box that scrolls sideways must say so with
 *   `data-scroll-x`, anything else scrolling sideways is a problem too);
 * - nothing ends up under the bottom tab bar: scrolled to the end, the lowest content of the
 *   screen ends above the bar, and the bar itself is inside the window.
 *
 * The width is the document's client width (the viewport less a classic scrollbar, where the
 * platform draws one), so a screen that fits here also fits a phone with overlay scrollbars.
 *
 * `view: 'popup'` runs the same checks in the toolbar popup (found with
 * chrome.extension.getViews from the extension page that `page` shows).
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export type LayoutView = 'page' | 'popup';

export async function layoutProblems(page: Page, view: LayoutView = 'page'): Promise<string[]> {
  return page.evaluate((view) => {
    const win = view === 'popup' ? chrome.extension.getViews({ type: 'popup' })[0] : window;
    if (!win) return ['no popup is open'];
    const doc = win.document;
    const problems: string[] = [];
    const width = doc.documentElement.clientWidth;
    const TOLERANCE = 0.5;

    const describe = (el: Element): string => {
      const id = el.id ? `#${el.id}` : '';
      const classes = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const testId = el.getAttribute('data-testid');
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${el.tagName.toLowerCase()}${id}${classes}${testId ? ` data-testid=${testId}` : ''}> "${text}"`;
    };
    /** The nearest box (the element itself included) that clips or scrolls what it holds. */
    const clippingBox = (el: Element | null): Element | null => {
      for (let box = el; box && box !== doc.body && box !== doc.documentElement; box = box.parentElement) {
        if (win.getComputedStyle(box).overflowX !== 'visible') return box;
      }
      return null;
    };
    const visible = (el: Element): boolean => {
      const style = win.getComputedStyle(el);
      // What a closed <details> holds (its summary aside) is not shown, though Chromium still lays it out.
      const closed = el.closest('details:not([open])');
      if (closed && !el.closest('summary') && el !== closed) return false;
      return style.visibility !== 'hidden' && style.display !== 'none';
    };

    if (doc.documentElement.scrollWidth > width) problems.push(`the page scrolls sideways: ${doc.documentElement.scrollWidth} px of content in ${width} px`);

    for (const el of doc.body.querySelectorAll('*')) {
      if (!visible(el)) continue;
      const style = win.getComputedStyle(el);
      if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1 && !el.closest('[data-scroll-x]')) {
        problems.push(`${describe(el)} scrolls sideways: ${el.scrollWidth} px of content in ${el.clientWidth} px`);
      }
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (rect.right <= 0) continue; // parked off-screen on purpose (the skip link until focused)
      if (rect.right > width + TOLERANCE && !clippingBox(el.parentElement)) problems.push(`${describe(el)} reaches ${Math.round(rect.right)} px, past the ${width} px edge`);
    }

    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    const range = doc.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !(node.textContent ?? '').trim() || !visible(parent)) continue;
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= 0) continue;
      if (rect.right > width + TOLERANCE && !clippingBox(parent)) problems.push(`text "${(node.textContent ?? '').trim().slice(0, 40)}" in ${describe(parent)} reaches ${Math.round(rect.right)} px, past the ${width} px edge`);
    }

    // The bottom tab bar (phones and the popup; on wide tabs it is a side rail).
    const bar = doc.querySelector('nav.tabbar');
    const main = doc.querySelector('main');
    if (bar && main && !doc.querySelector('dialog[open]')) {
      const scrollers = [doc.scrollingElement, main].filter((s): s is Element => s !== null && s.scrollHeight > s.clientHeight);
      const before = scrollers.map((s) => s.scrollTop);
      for (const s of scrollers) s.scrollTop = s.scrollHeight;
      const barRect = bar.getBoundingClientRect();
      // As wide as the window it is the bottom bar (a side rail is narrower).
      if (barRect.width >= width - 1) {
        const windowBottom = doc.documentElement.clientHeight;
        if (Math.abs(barRect.bottom - windowBottom) > 1) problems.push(`the tab bar ends at ${Math.round(barRect.bottom)} px, not at the bottom of the ${windowBottom} px window`);
        let lowest: { bottom: number; what: string } = { bottom: 0, what: '' };
        for (const el of main.querySelectorAll('*')) {
          if (!visible(el) || win.getComputedStyle(el).position === 'fixed') continue;
          const rect = el.getBoundingClientRect();
          if (rect.width === 0 || rect.height === 0) continue;
          const box = clippingBox(el.parentElement);
          const bottom = box && box !== main ? Math.min(rect.bottom, box.getBoundingClientRect().bottom) : rect.bottom;
          if (bottom > lowest.bottom) lowest = { bottom, what: describe(el) };
        }
        if (lowest.bottom > barRect.top + TOLERANCE) problems.push(`at the end of the page ${lowest.what} ends at ${Math.round(lowest.bottom)} px, under the tab bar at ${Math.round(barRect.top)} px`);
      }
      scrollers.forEach((s, i) => (s.scrollTop = before[i]!));
    }
    return problems;
  }, view);
}

export async function expectLayoutFits(page: Page, view: LayoutView = 'page'): Promise<void> {
  const size = view === 'page' ? page.viewportSize() : undefined;
  const where = view === 'popup' ? 'popup' : `${size?.width}×${size?.height}`;
  expect(await layoutProblems(page, view), `layout at ${where} of ${page.url().replace(/^.*#/, '#')}`).toEqual([]);
}
