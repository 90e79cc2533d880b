/**
 * A proof gateway in its own process for the capacity benchmark (gateway.bench.ts), so its CPU and
 * memory are measured apart from the simulated wallets. Config in argv[2] (JSON); answers `stats`
 * messages with the gateway's counters and process memory.
 */
import { hexToBytes } from '../core/encoding/hex.js';
import { ProofGateway } from '../gateway/service.js';

const config = JSON.parse(process.argv[2]!) as { nodeId: string; port: number; chainId: number; genesisHash: string };
const gateway = await ProofGateway.start({
  nodes: [{ nodeId: hexToBytes(config.nodeId), host: '127.0.0.1', port: config.port }],
  chainId: config.chainId,
  genesisHash: hexToBytes(config.genesisHash),
  localAddress: '127.0.70.1',
});
await gateway.ready();
process.send!({ type: 'ready', url: gateway.url });
const started = process.cpuUsage();
process.on('message', (message: { type: string }) => {
  if (message.type === 'stats') {
    const cpu = process.cpuUsage(started);
    process.send!({ type: 'stats', stats: gateway.stats(), memory: process.memoryUsage(), cpuMs: (cpu.user + cpu.system) / 1000 });
  }
  if (message.type === 'stop') void gateway.stop().then(() => process.exit(0));
});
