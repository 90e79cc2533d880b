/**
 * Contract-creation code that reverts with `Error("nope")`: it copies the 100-byte revert payload
 * that follows its 12 bytes of code into memory and reverts with it. Called without `to`, so no
 * contract has to be deployed. Shared by the demo dApp and the tests that check its result.
 */
const word = (n: number) => n.toString(16).padStart(64, '0');

export const REVERTING_INIT_CODE = `0x6064600c6000396064${'6000fd'}08c379a0${word(32)}${word(4)}${'6e6f7065'.padEnd(64, '0')}` as const;
