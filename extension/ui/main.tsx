/**
 * Entry of the popup / full-tab page. The page mode is set before the first render so the layout
 * does not jump; styles are plain stylesheets (the extension's CSP allows no inline styles). The
 * user's language is loaded first (i18n/).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/screens.css';
import { applyPageMode, detectPageMode } from './app/mode.js';
import { App } from './app/App.js';
import { startI18n } from './i18n/i18n.js';

applyPageMode(detectPageMode());
const rootElement = document.getElementById('root');
// The catalog of the user's language is loaded before the first paint, so no screen flashes English.
if (rootElement) void startI18n().then(() => createRoot(rootElement).render(<StrictMode><App /></StrictMode>));
