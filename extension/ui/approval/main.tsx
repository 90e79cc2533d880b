/**
 * Entry of the approval page: the window (desktop) or tab (mobile) where the user answers what
 * dApps ask. Everything shown comes decoded from the background; this page decides nothing itself.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './approval.css';
import { ApprovalApp } from './ApprovalApp.js';
import { onLanguageChange, startI18n, t } from '../i18n/i18n.js';

const rootElement = document.getElementById('root');
const setTitle = () => {
  document.title = t('approval.documentTitle');
};
onLanguageChange(setTitle);
// Loaded before the first paint; the page follows a language chosen in the wallet at once.
void startI18n().then(() => {
  setTitle();
  if (rootElement) createRoot(rootElement).render(<StrictMode><ApprovalApp /></StrictMode>);
});
