/**
 * Makes every property test deterministic: fast-check runs with one fixed seed (printed once per
 * test file), unless FC_SEED names another to explore with. A failure names its seed and path, so
 * it can be replayed exactly.
 */
import fc from 'fast-check';

const seed = Number(process.env.FC_SEED ?? 20261207);
fc.configureGlobal({ seed });
if (process.env.FC_SEED !== undefined) console.log(`fast-check seed ${seed}`);
