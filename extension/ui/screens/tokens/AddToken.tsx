/**
 * Adding a CRC-20 (Core) or ERC-20 (eSpace) token by its contract address. Balances are read from
 * the contract and cross-checked like CFX. Symbol and decimals are filled in from the contract's
 * own answers (cross-checked between nodes, with their badge), and the user can override them —
 * labelled as their own value — because anyone can deploy a contract that calls itself anything.
 */
import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { useAction, useAsync } from '../../api/hooks.js';
import { TrustBadge } from '../../components/TrustBadge.js';
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
  const [edited, setEdited] = useState({ symbol: false, decimals: false });
  const add = useAction(backend.addToken);
  const check = network ? checkRecipient(address, { space, networkId: space === 'core' ? network.coreNetworkId : network.espaceChainId, fromHex: '0x', ownAccounts: new Map() }) : undefined;
  const contractProblem = !check ? undefined : check.ok ? (space === 'core' && !check.warnings.some((w) => w.kind === 'contract') ? 'This is not a contract address (Core contract addresses start with 0x8).' : undefined) : check.message;
  const contract = check?.ok && !contractProblem ? check.display : undefined;
  const info = useAsync(() => backend.tokenInfo(space, contract!), `token-info:${space}:${contract ?? ''}`, { enabled: contract !== undefined });
  const fromContract = contract !== undefined ? info.data : undefined;
  useEffect(() => {
    if (!fromContract) return;
    if (!edited.symbol && fromContract.symbol) setSymbol(fromContract.symbol.value);
    if (!edited.decimals && fromContract.decimals) setDecimals(String(fromContract.decimals.value));
    // Only a new answer fills the fields; the user's edits stay.
  }, [fromContract]);
  if (!network || !check) return <Loading />;
  const symbolProblem = SYMBOL_RE.test(symbol.trim()) ? undefined : 'Use 1 to 11 letters or digits, e.g. USDT.';
  const decimalsValue = Number(decimals);
  const decimalsProblem = /^\d{1,2}$/.test(decimals.trim()) && decimalsValue <= 36 ? undefined : 'A whole number from 0 to 36 (most tokens use 18).';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!check.ok || contractProblem || symbolProblem || decimalsProblem) return;
    const name = fromContract?.name && fromContract.symbol?.value === symbol.trim() ? fromContract.name.value : symbol.trim();
    void add.run(space, { address: check.display, symbol: symbol.trim(), name, decimals: decimalsValue }).then(() => navigate('/'));
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
          <TextField
            label="Symbol"
            value={symbol}
            onChange={(e) => {
              setSymbol(e.target.value);
              setEdited((v) => ({ ...v, symbol: true }));
            }}
            autoComplete="off"
            spellCheck={false}
            error={tried ? symbolProblem : undefined}
            hint={sourceHint(fromContract?.symbol?.value, symbol.trim())}
          />
        </div>
        <div className="grow">
          <TextField
            label="Decimals"
            value={decimals}
            onChange={(e) => {
              setDecimals(e.target.value);
              setEdited((v) => ({ ...v, decimals: true }));
            }}
            inputMode="numeric"
            autoComplete="off"
            error={tried ? decimalsProblem : undefined}
            hint={sourceHint(fromContract?.decimals === undefined ? undefined : String(fromContract.decimals.value), decimals.trim())}
          />
        </div>
      </div>
      {contract !== undefined ? (
        <div className="card card-tight stack small" data-testid="token-info">
          {info.loading && !fromContract ? (
            <span className="muted">Asking the contract for its symbol and decimals…</span>
          ) : fromContract ? (
            <>
              <div className="row-between wrap">
                <span>
                  From the contract: <strong data-testid="token-info-name">{fromContract.name?.value ?? 'no name'}</strong>
                </span>
                {fromContract.symbol ?? fromContract.decimals ? <TrustBadge trust={(fromContract.decimals ?? fromContract.symbol)!.trust} subject="token details" /> : null}
              </div>
              {fromContract.problems.map((p) => (
                <span key={p} className="muted">
                  {p}
                </span>
              ))}
            </>
          ) : info.error ? (
            <span className="muted">The contract's details could not be read; enter them yourself.</span>
          ) : null}
        </div>
      ) : null}
      <Notice tone="info">Anyone can create a token with any name. Take the address, symbol and decimals from the project’s own site, not from a search result or a message.</Notice>
      {add.error ? <ErrorState error={add.error} title="Token not added" /> : null}
      <button type="submit" className="btn btn-primary btn-block" disabled={add.busy}>
        Add token
      </button>
    </form>
  );
}

/** Where a field's value comes from: the contract, or the user (and what the contract says instead). */
function sourceHint(fromContract: string | undefined, current: string): string | undefined {
  if (fromContract === undefined) return current === '' ? undefined : 'Your value';
  return fromContract === current ? 'From the contract' : `Your value — the contract says ${fromContract}`;
}
