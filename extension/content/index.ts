/**
 * Content script (isolated world, every http/https frame, document_start): relays provider
 * messages between the page and the background. See relay.ts for what it accepts and why.
 * @module
 */
import { startRelay } from './relay.js';

startRelay(window, chrome.runtime);
