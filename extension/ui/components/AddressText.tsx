/**
 * An address in monospace. Shortened forms keep both ends (what poisoning attacks imitate is the
 * middle, so the full address is one tap away and always shown on review screens).
 */
import type { ReactElement } from 'react';

export function shortenAddress(address: string, keep = 6): string {
  const colon = address.lastIndexOf(':');
  const prefix = colon >= 0 ? address.slice(0, colon + 1) : address.slice(0, 2);
  const body = colon >= 0 ? address.slice(colon + 1) : address.slice(2);
  if (body.length <= keep * 2 + 1) return address;
  return `${prefix}${body.slice(0, keep)}…${body.slice(-keep)}`;
}

export function AddressText({ address, full }: { address: string; full?: boolean }): ReactElement {
  return (
    <span className="mono break" title={address} data-address={address}>
      {full ? address : shortenAddress(address)}
    </span>
  );
}
