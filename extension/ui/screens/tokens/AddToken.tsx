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
import { Trans } from 'react-i18next';
import { t as translate, useT } from '../../i18n/i18n.js';

const SYMBOL_RE = /^[A-Za-z0-9.$_-]{1,11}$/;

export function AddToken(): ReactElement {
  const { backend, space, network } = useWallet();
  const [address, setAddress] = useState('');
  const [symbol, setSymbol] = useState('');
  const [decimals, setDecimals] = useState('18');
  const [tried, setTried] = useState(false);
  const [edited, setEdited] = useState({ symbol: false, decimals: false });
  const add = useAction(backend.addToken);
  const t = useT();
  const check = network ? checkRecipient(address, { space, networkId: space === 'core' ? network.coreNetworkId : network.espaceChainId, fromHex: '0x', ownAccounts: new Map() }) : undefined;
  const contractProblem = !check ? undefined : check.ok ? (space === 'core' && !check.warnings.some((w) => w.kind === 'contract') ? t('tokens.notContract') : undefined) : check.message;
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
  const symbolProblem = SYMBOL_RE.test(symbol.trim()) ? undefined : t('tokens.symbolProblem');
  const decimalsValue = Number(decimals);
  const decimalsProblem = /^\d{1,2}$/.test(decimals.trim()) && decimalsValue <= 36 ? undefined : t('tokens.decimalsProblem');
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
      <ScreenHeader title={t('tokens.title')} back="/" />
      <p>{t('tokens.intro', { standard, network: network.name, space: space === 'core' ? t('common.coreSpace') : t('common.eSpace') })}</p>
      <TextField label={t('tokens.address')} value={address} onChange={(e) => setAddress(e.target.value)} placeholder={space === 'core' ? 'cfx:…' : '0x…'} autoComplete="off" spellCheck={false} autoCapitalize="off" error={tried || address.trim() !== '' ? contractProblem : undefined} />
      <div className="row wrap">
        <div className="grow">
          <TextField
            label={t('tokens.symbol')}
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
            label={t('tokens.decimals')}
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
            <span className="muted">{t('tokens.asking')}</span>
          ) : fromContract ? (
            <>
              <div className="row-between wrap">
                <span>
                  <Trans i18nKey="tokens.fromContract" values={{ name: fromContract.name?.value ?? t('tokens.noName') }} components={{ b: <strong data-testid="token-info-name" /> }} />
                </span>
                {fromContract.symbol ?? fromContract.decimals ? <TrustBadge trust={(fromContract.decimals ?? fromContract.symbol)!.trust} subject={t('trust.subject.tokenDetails')} /> : null}
              </div>
              {fromContract.problems.map((p) => (
                <span key={p} className="muted">
                  {p}
                </span>
              ))}
            </>
          ) : info.error ? (
            <span className="muted">{t('tokens.unreadable')}</span>
          ) : null}
        </div>
      ) : null}
      <Notice tone="info">{t('tokens.anyoneCanCreate')}</Notice>
      {add.error ? <ErrorState error={add.error} title={t('tokens.notAdded')} /> : null}
      <button type="submit" className="btn btn-primary btn-block" disabled={add.busy}>
        {t('tokens.add')}
      </button>
    </form>
  );
}

/** Where a field's value comes from: the contract, or the user (and what the contract says instead). */
function sourceHint(fromContract: string | undefined, current: string): string | undefined {
  if (fromContract === undefined) return current === '' ? undefined : translate('tokens.yourValue');
  return fromContract === current ? translate('tokens.fromContractHint') : translate('tokens.contractSays', { value: fromContract });
}
