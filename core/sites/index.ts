/**
 * Site checks before connecting or signing: the bundled phishing list and look-alike detection
 * against well-known Conflux sites and the user's trusted sites. Local only.
 * @module
 */
export * from './errors.js';
export { parseSiteHost, type SiteHost } from './host.js';
export { checkSite, type CheckSiteOptions, type SiteCheck, type SiteVerdict } from './check-site.js';
export { loadBundledPhishingList, phishingListFromData, matchPhishingList, type PhishingList, type PhishingListData, type PhishingListMatch } from './phishing-list.js';
export { KNOWN_CONFLUX_SITES, type KnownSite } from './known-sites.js';
export { matchLookalike, MIN_NAME_LENGTH, type LookalikeMatch, type LookalikeRule } from './lookalike.js';
export { skeleton } from './skeleton.js';
