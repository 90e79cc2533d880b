/** Token balances of the current account, each with its trust badge. */
import type { ReactElement } from 'react';
import { Amount } from '../../components/Amount.js';
import { EmptyState } from '../../components/AsyncState.js';
import { Link } from '../../app/router.js';
import { Icon } from '../../components/icons.js';
import type { TokenItem } from '../../model/wallet.js';
import { useT } from '../../i18n/i18n.js';

export function TokenList({ tokens, lastKnownAt }: { tokens: readonly TokenItem[]; lastKnownAt?: number | undefined }): ReactElement {
  const t = useT();
  return (
    <section className="stack" aria-labelledby="tokens-title">
      <div className="row-between">
        <h2 id="tokens-title">{t('home.tokens')}</h2>
        <Link to="/tokens/add" className="btn btn-small">
          <Icon name="plus" />
          {t('home.addToken')}
        </Link>
      </div>
      {tokens.length === 0 ? (
        <EmptyState title={t('home.noTokens')}>{t('home.noTokensHint')}</EmptyState>
      ) : (
        <ul className="list" data-testid="token-list">
          {tokens.map((token) => (
            <li key={token.address}>
              <div className="list-item">
                <span className="token-symbol" aria-hidden="true">
                  {token.symbol.slice(0, 3)}
                </span>
                <span className="grow">
                  <span className="primary">{token.name}</span>
                  <br />
                  {token.balance ? (
                    <Amount value={token.balance.value} decimals={token.decimals} symbol={token.symbol} trust={token.balance.trust} lastKnownAt={lastKnownAt} subject={t('trust.subject.tokenBalance', { symbol: token.symbol })} />
                  ) : (
                    <span className="secondary">{token.balanceError ?? t('home.balanceNotLoaded')}</span>
                  )}
                </span>
                <Link to={`/send?token=${encodeURIComponent(token.address)}`} className="btn btn-small" aria-label={t('home.sendToken', { symbol: token.symbol })}>
                  {t('home.send')}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
