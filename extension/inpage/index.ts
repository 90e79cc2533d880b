/**
 * Inpage script (page main world): defines the dApp-facing providers.
 */
export {};
