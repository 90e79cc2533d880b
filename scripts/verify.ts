/**
 * `npm run verify -- --rpc <Core RPC URL> --node <nodeId>@<host>:<port> <address>…`
 *
 * Proves the balance and nonce of each address against a PoS-finalized header and prints one JSON
 * line per address: `{"address","epoch","balance","nonce","trust":"verified"}` (balance and nonce
 * as decimal strings; addresses as given: CIP-37 for Core, 0x for eSpace). Progress goes to stderr.
 * Any failure to verify: a message on stderr, exit code 1, and no value printed for any address.
 * Bad arguments: exit code 2.
 *
 * Options: `--epoch N` proves at epoch N instead of the newest finalized one; `--local-address IP`
 * connects to the node from that source address (a node allows one light session per IP).
 */
import { parseArgs } from 'node:util';
import { WayfarerError } from '../core/errors.js';
import { parseNodeAddress } from '../gateway/clp/node-url.js';
import { verifyAccounts } from '../gateway/clp/verify-accounts.js';

const USAGE = 'usage: npm run verify -- --rpc <Core RPC URL> --node <nodeId>@<host>:<port> [--epoch N] [--local-address IP] <address>…';

function fail(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

let args;
try {
  args = parseArgs({ options: { rpc: { type: 'string' }, node: { type: 'string' }, epoch: { type: 'string' }, 'local-address': { type: 'string' }, help: { type: 'boolean' } }, allowPositionals: true, strict: true });
} catch (error) {
  fail(2, `${(error as Error).message}\n${USAGE}`);
}
if (args.values.help) fail(0, USAGE);
const { rpc, node, epoch } = args.values;
if (rpc === undefined || node === undefined || args.positionals.length === 0) fail(2, USAGE);
if (epoch !== undefined && !/^\d+$/.test(epoch)) fail(2, '--epoch must be a non-negative integer');

try {
  const report = await verifyAccounts({
    rpc,
    node: parseNodeAddress(node),
    addresses: args.positionals,
    ...(epoch === undefined ? {} : { epoch: Number(epoch) }),
    ...(args.values['local-address'] === undefined ? {} : { localAddress: args.values['local-address'] }),
    onNotice: (line) => process.stderr.write(`${line}\n`),
  });
  for (const line of report.lines) process.stdout.write(`${JSON.stringify(line)}\n`);
} catch (error) {
  const code = error instanceof WayfarerError ? ` [${error.code}]` : '';
  const details = error instanceof WayfarerError && error.details !== undefined ? ` (${error.details})` : '';
  const exitCode = error instanceof WayfarerError && error.code === 'input.invalid' ? 2 : 1;
  fail(exitCode, `verification failed${code}: ${error instanceof Error ? error.message : String(error)}${details}`);
}
