/**
 * Entry of the popup / full-tab page. The page mode is set before the first render so the layout
 * does not jump; styles are plain stylesheets (the extension's CSP allows no inline styles). The
 * user's language is loaded first (i18n/): at once when it is the bundled one.
 */
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/screens.css';
import { applyPageMode, detectPageMode } from './app/mode.js';
import { App } from './app/App.js';
import { languageReady, startI18n } from './i18n/i18n.js';
import { markModulesLoaded } from './app/perf.js';

markModulesLoaded();
applyPageMode(detectPageMode());
const rootElement = document.getElementById('root');

/**
 * Renders the first screen synchronously, in this task: the page's first frame already shows it
 * (no blank frame, no wait for the scheduler's next task).
 */
function render(root: HTMLElement): void {
  flushSync(() => createRoot(root).render(<StrictMode><App /></StrictMode>));
}

// The catalog of the user's language is loaded before the first paint, so no screen flashes English;
// the bundled one is there already.
const i18nStarted = startI18n();
if (rootElement && languageReady()) render(rootElement);
else if (rootElement) void i18nStarted.then(() => render(rootElement));
