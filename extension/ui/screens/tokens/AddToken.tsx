/**
 * Adding a CRC-20 (Core) or ERC-20 (eSpace) token by its contract address. The background reads
 * the token's symbol and decimals from the contract; the user sees them before it is listed.
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

export function AddToken(): ReactElement {
  const { backend, space, network, account } = useWallet();
  const [address, setAddress] = useState('');
  const [tried, setTried] = useState(false);
  const add = useAction((contract: string) => backend.addToken(space, contract));
  if (!network || !account) return <Loading />;
  const check = checkRecipient(address, { space, networkId: space === 'core' ? network.coreNetworkId : network.espaceChainId, fromHex: '0x', ownAccounts: new Map() });
  const contractProblem = check.ok ? (space === 'core' && !check.warnings.some((w) => w.kind === 'contract') ? 'This is not a contract address (Core contract addresses start with 0x8).' : undefined) : check.message;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!check.ok || contractProblem) return;
    void add.run(check.display).then((token) => {
      if (token) navigate('/');
    });
  };
  const standard = space === 'core' ? 'CRC-20' : 'ERC-20';
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <ScreenHeader title="Add a token" back="/" />
      <p>
        Add a {standard} token on {network.name} {space === 'core' ? 'Core space' : 'eSpace'} by its contract address. Its balance is read from the contract and cross-checked like your CFX balance.
      </p>
      <TextField label="Token contract address" value={address} onChange={(e) => setAddress(e.target.value)} placeholder={space === 'core' ? 'cfx:…' : '0x…'} autoComplete="off" spellCheck={false} autoCapitalize="off" error={tried || address.trim() !== '' ? contractProblem : undefined} />
      <Notice tone="info">Anyone can create a token with any name. Get the address from the project’s own site, not from a search result or a message.</Notice>
      {add.error ? <ErrorState error={add.error} title="Token not added" /> : null}
      <button type="submit" className="btn btn-primary btn-block" disabled={add.busy}>
        {add.busy ? 'Reading the contract…' : 'Add token'}
      </button>
    </form>
  );
}
