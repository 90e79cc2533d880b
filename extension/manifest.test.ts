/**
 * The manifest grants exactly what the shipped node list needs: every default node's host, no
 * broad host access (user-added nodes ask for their own host at the moment they are added), and
 * only the permissions the wallet uses.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { defaultEndpoints } from '../core/rpc/pool/defaults.js';
import { hostPermissionPattern, type NetworkKey } from '../core/rpc/pool/endpoint.js';

interface Manifest {
  permissions: string[];
  host_permissions: string[];
  optional_host_permissions: string[];
  content_security_policy: { extension_pages: string };
}

const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../manifest.json'), 'utf8')) as Manifest;
const NETWORKS: NetworkKey[] = ['mainnet', 'testnet', 'local'];

describe('manifest.json', () => {
  test('every shipped default node is reachable without asking', () => {
    const needed = new Set(NETWORKS.flatMap((n) => defaultEndpoints(n).map((e) => hostPermissionPattern(e.url))));
    expect(needed.size).toBeGreaterThan(10);
    for (const pattern of needed) expect(manifest.host_permissions, pattern).toContain(pattern);
  });

  test('no host permission beyond the shipped nodes; broad patterns only as optional', () => {
    const needed = new Set(NETWORKS.flatMap((n) => defaultEndpoints(n).map((e) => hostPermissionPattern(e.url))));
    for (const pattern of manifest.host_permissions) {
      expect(pattern.includes('*.') || pattern.startsWith('*') || pattern.includes('//*/'), pattern).toBe(false);
      expect(needed.has(pattern) || pattern === 'http://localhost/*', pattern).toBe(true);
    }
    expect(manifest.optional_host_permissions.length).toBeGreaterThan(0);
  });

  test('only the permissions the wallet uses, and a CSP without remote or inline code', () => {
    expect([...manifest.permissions].sort()).toEqual(['alarms', 'storage']);
    const csp = manifest.content_security_policy.extension_pages;
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:\/\/[^ ;]*\s*;?\s*script/);
    expect(csp).toContain("object-src 'none'");
  });
});
