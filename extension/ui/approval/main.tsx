/**
 * Entry of the approval page: the window (desktop) or tab (mobile) where the user answers what
 * dApps ask. Everything shown comes decoded from the background; this page decides nothing itself.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './approval.css';
import { ApprovalApp } from './ApprovalApp.js';

const rootElement = document.getElementById('root');
if (rootElement) createRoot(rootElement).render(<StrictMode><ApprovalApp /></StrictMode>);
