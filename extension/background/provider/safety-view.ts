/**
 * The safety part of what the approval page shows, computed in the background from the request as
 * stored (never from anything the page sends): the decoded effects of a transaction or typed data
 * (core/effects), the sign-in check of a message (core/message/siwe-check) and the verdict on the
 * requesting site (core/sites: bundled phishing list, look-alikes of well-known Conflux sites and
 * of sites the user connected).
 *
 * Threat model: a hostile page controls every byte of its request and its own hostname, nothing
 * else; the origin is the browser's. Everything here is local — no request leaves the wallet. An
 * analysis that fails on bad input says "unknown" rather than hide the request: the exact fields are
 * always shown beside it.
 * @module
 */
import { describeTransaction } from '../../../core/effects/transaction.js';
import { describeTypedData } from '../../../core/effects/typed-data.js';
import { effectsToJson, type JsonEffect } from '../../../core/effects/json.js';
import type { Effect } from '../../../core/effects/types.js';
import { analyzeSignInMessage } from '../../../core/message/siwe-check.js';
import { checkSite } from '../../../core/sites/check-site.js';
import { phishingListFromData, type PhishingList } from '../../../core/sites/phishing-list.js';
// Imported statically: a service worker may not load code with import().
import { PHISHING_DATA } from '../../../core/sites/phishing-data.js';
import type { Space } from '../../../core/space.js';
import type { TransactionDraft } from '../../shared/provider-approvals.js';
import type { SignInView, SiteWarningView } from '../../shared/ui-api/provider.js';

let phishingList: PhishingList | undefined;

/** The bundled list, decoded on first use. */
function bundledList(): PhishingList {
  phishingList ??= phishingListFromData(PHISHING_DATA);
  return phishingList;
}

/**
 * The warning for a requesting origin, or null when it is not suspicious.
 * @param trustedOrigins origins the user connected (their look-alikes are suspicious, they are not)
 */
export function siteWarning(origin: string, trustedOrigins: readonly string[]): SiteWarningView | null {
  let check;
  try {
    check = checkSite(origin, { phishingList: bundledList(), trustedSites: trustedOrigins.filter((o) => o !== origin) });
  } catch {
    return null;
  }
  const list = `${check.list.package} ${check.list.version} (${check.list.generated})`;
  const base = { host: check.host.unicode, asciiHost: check.host.ascii, list };
  if (check.result.verdict === 'phishing') return { verdict: 'phishing', ...base, similarTo: null, reason: check.result.reason };
  if (check.result.verdict === 'lookalike') return { verdict: 'lookalike', ...base, similarTo: check.result.similarTo, reason: check.result.reason };
  return null;
}

function unknownCall(space: Space, contract: string, data: string): Effect[] {
  const size = Math.max(0, (data.length - 2) / 2);
  return [{ kind: 'unknown_call', space, contract, selector: size >= 4 ? data.slice(0, 10) : null, dataSize: size, reason: 'undecodable', expected: null }];
}

/** What a transaction draft does. */
export function transactionEffects(space: Space, draft: TransactionDraft): JsonEffect[] {
  try {
    return effectsToJson(describeTransaction({ space, chainId: draft.chainId, to: draft.to, value: draft.value, data: draft.data }));
  } catch {
    return effectsToJson(unknownCall(space, draft.to ?? '', draft.data));
  }
}

/** What a typed-data signature allows (a permit), or a plain description of it. */
export function typedDataEffects(space: Space, typedData: unknown, chainId: number): JsonEffect[] {
  try {
    return effectsToJson(describeTypedData(typedData, space, chainId));
  } catch {
    return [];
  }
}

/** The sign-in check of a personal message, or null when the text is not a sign-in request. */
export function signInView(text: string | null, context: { origin: string; account: string; chainId: number; now: number }): SignInView | null {
  if (text === null) return null;
  let analysis;
  try {
    analysis = analyzeSignInMessage(text, context);
  } catch {
    return null;
  }
  if (analysis.kind === 'not_sign_in') return null;
  if (analysis.kind === 'malformed') return { kind: 'malformed', reason: analysis.error.message.slice(0, 300) };
  const m = analysis.message;
  return { kind: 'sign_in', domain: m.domain, uri: m.uri, address: m.address, chainId: m.chainId, warnings: analysis.warnings };
}
