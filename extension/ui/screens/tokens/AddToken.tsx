/**
 * Adding a CRC-20 (Core) or ERC-20 (eSpace) token by its contract address. Balances are read from
 * the contract and cross-checked like CFX; the symbol, name and decimals are entered here and
 * labelled as the user's own, because a token's self-description is not something nodes can prove.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { useAction } from '../../api/hooks.js';
import { navigate } from '../../app/router.js';
import { useWallet } from '../../app/wallet.js';
import { ErrorState, Loading } from '../../components/AsyncState.js';
import { TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { checkRecipient } from '../../format/recipient.js';

const SYMBOL_RE = /^[A-Za-z0-9.$_-]{1,11}$/;

export function AddToken(): ReactElement {
  const { backend, space, network } = useWallet();
  const [address, setAddress] = useState('');
  const [symbol, setSymbol] = useState('');
  const [decimals, setDecimals] = useState('18');
  const [tried, setTried] = useState(false);
  const add = useAction(backend.addToken);
  if (!network) return <Loading />;
  const check = checkRecipient(address, { space, networkId: space === 'core' ? network.coreNetworkId : network.espaceChainId, fromHex: '0x', ownAccounts: new Map() });
  const contractProblem = check.ok ? (space === 'core' && !check.warnings.some((w) => w.kind === 'contract') ? 'This is not a contract address (Core contract addresses start with 0x8).' : undefined) : check.message;
  const symbolProblem = SYMBOL_RE.test(symbol.trim()) ? undefined : 'Use 1 to 11 letters or digits, e.g. USDT.';
  const decimalsValue = Number(decimals);
  const decimalsProblem = /^\d{1,2}$/.test(decimals.trim()) && decimalsValue <= 36 ? undefined : 'A whole number from 0 to 36 (most tokens use 18).';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!check.ok || contractProblem || symbolProblem || decimalsProblem) return;
    void add.run(space, { address: check.display, symbol: symbol.trim(), name: symbol.trim(), decimals: decimalsValue }).then(() => navigate('/'));
  };
  const standard = space === 'core' ? 'CRC-20' : 'ERC-20';
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <ScreenHeader title="Add a token" back="/" />
      <p>
        Add a {standard} token on {network.name} {space === 'core' ? 'Core space' : 'eSpace'} by its contract address. Its balance is read from the contract and cross-checked like your CFX balance.
      </p>
      <TextField label="Token contract address" value={address} onChange={(e) => setAddress(e.target.value)} placeholder={space === 'core' ? 'cfx:…' : '0x…'} autoComplete="off" spellCheck={false} autoCapitalize="off" error={tried || address.trim() !== '' ? contractProblem : undefined} />
      <div className="row wrap">
        <div className="grow">
          <TextField label="Symbol" value={symbol} onChange={(e) => setSymbol(e.target.value)} autoComplete="off" spellCheck={false} error={tried ? symbolProblem : undefined} />
        </div>
        <div className="grow">
          <TextField label="Decimals" value={decimals} onChange={(e) => setDecimals(e.target.value)} inputMode="numeric" autoComplete="off" error={tried ? decimalsProblem : undefined} />
        </div>
      </div>
      <Notice tone="info">Anyone can create a token with any name. Take the address, symbol and decimals from the project’s own site, not from a search result or a message.</Notice>
      {add.error ? <ErrorState error={add.error} title="Token not added" /> : null}
      <button type="submit" className="btn btn-primary btn-block" disabled={add.busy}>
        Add token
      </button>
    </form>
  );
}
