/**
 * The committed test-contract artifacts are exactly what the pinned compiler makes of the committed
 * sources (provenance of the bytecode the e2e tests deploy).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
// @ts-expect-error plain ESM helper without type declarations
import { compileFixtures } from '../fixtures/contracts/compile.mjs';

test('artifacts.json equals a fresh solc-js compile of the sources', () => {
  const committed = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/contracts/artifacts.json'), 'utf8'));
  expect(compileFixtures()).toEqual(committed);
  expect(committed.compiler).toMatch(/^solc-js 0\.8\.37\+commit\./);
});
