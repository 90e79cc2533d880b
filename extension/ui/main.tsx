/**
 * Entry of the popup / full-tab page. The page mode is set before the first render so the layout
 * does not jump; styles are plain stylesheets (the extension's CSP allows no inline styles).
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

applyPageMode(detectPageMode());
const rootElement = document.getElementById('root');
if (rootElement) createRoot(rootElement).render(<StrictMode><App /></StrictMode>);
