/**
 * Points the real extension (in Chromium) at a node list through the background's UI API, the
 * way the settings screen does: switch to the local network, drop the shipped local nodes, add the
 * given ones in order (the first added is asked first while health is equal).
 */
import type { Page } from 'playwright-core';
import { callBackground } from '../support/ui-port.js';

export interface ExtensionNode {
  space: 'core' | 'espace';
  url: string;
  /** Who runs it (default: named after its host). */
  operator?: string;
}

export interface NodeInfo {
  id: string;
  label: string;
  space: string;
  operator: string;
  origin: string;
  ban: { reason: string; severity: string; evidence: string } | null;
}

export async function configureNodes(page: Page, nodes: readonly ExtensionNode[]): Promise<NodeInfo[]> {
  await callBackground(page, 'chain.setNetwork', { network: 'local' });
  for (const n of await callBackground<NodeInfo[]>(page, 'chain.nodes')) await callBackground(page, 'chain.removeNode', { id: n.id });
  const added: NodeInfo[] = [];
  for (const n of nodes) added.push(await callBackground<NodeInfo>(page, 'chain.addNode', { space: n.space, url: n.url, operator: n.operator }));
  // Bans are kept per node even when a node is removed; a fresh list starts without them.
  for (const n of added) if (n.ban) await callBackground(page, 'chain.liftBan', { id: n.id });
  return added;
}

/** The dev node's own two JSON-RPC endpoints as the only nodes (no proof gateway). */
export async function useDevNodeOnly(page: Page, node: { coreRpc: string; espaceRpc: string }): Promise<NodeInfo[]> {
  return configureNodes(page, [
    { space: 'core', url: node.coreRpc },
    { space: 'espace', url: node.espaceRpc },
  ]);
}
