/**
 * The local network this page offers to add: taken from the page URL (the demo script and the
 * tests pass the dev node's endpoints), with the dev node's chain ids as defaults.
 */
const params = new URLSearchParams(location.search);

export const config = {
  coreRpc: params.get('coreRpc') ?? 'http://127.0.0.1:12537',
  espaceRpc: params.get('espaceRpc') ?? 'http://127.0.0.1:8545',
  coreChainId: Number(params.get('coreChainId') ?? 1024),
  espaceChainId: Number(params.get('espaceChainId') ?? 1025),
};
