/**
 * Speed-up or cancel of one of the user's transactions not yet in a block: the background prepares
 * the replacement (same nonce, higher price; for cancel nothing to yourself), the user reviews every
 * field as with any transfer, and it is signed through the same checked path.
 */
import { useState, type ReactElement } from 'react';
import { useAction, useAsync } from '../../api/hooks.js';
import { useWallet } from '../../app/wallet.js';
import { ErrorState, Loading } from '../../components/AsyncState.js';
import { Notice } from '../../components/Notice.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { useT } from '../../i18n/i18n.js';
import { navigate } from '../../app/router.js';
import { SendReview } from '../send/SendReview.js';
import { SentStatus } from '../send/Send.js';

export function ReplaceTx({ hash, kind }: { hash: string; kind: string }): ReactElement {
  const { backend, account } = useWallet();
  const t = useT();
  const valid = kind === 'speed_up' || kind === 'cancel';
  const prepared = useAsync(() => backend.prepareReplacement(hash, kind as 'speed_up' | 'cancel', account!.id), `replace:${hash}:${kind}`, { enabled: valid && account !== undefined });
  const send = useAction((id: string) => backend.send(id));
  const [sent, setSent] = useState<string>();
  const title = kind === 'cancel' ? t('txRecovery.cancelTitle') : t('txRecovery.speedUpTitle');
  return (
    <div className="stack">
      <ScreenHeader title={title} back={`/activity/${hash}`} />
      {sent ? (
        <SentStatus hash={sent} />
      ) : prepared.data ? (
        <>
          <Notice tone="info">
            <span className="break">{kind === 'cancel' ? t('txRecovery.replacesCancel', { hash }) : t('txRecovery.replacesSpeedUp', { hash })}</span>
          </Notice>
          <SendReview
            model={{ ...prepared.data.review, fromName: account?.name ?? '', warnings: [] }}
            busy={send.busy}
            error={send.error}
            onBack={() => navigate(`/activity/${hash}`)}
            onConfirm={() =>
              void send.run(prepared.data!.id).then((result) => {
                if (result) setSent(result.hash);
              })
            }
          />
        </>
      ) : prepared.error || !valid ? (
        <ErrorState error={prepared.error} onRetry={prepared.refresh} title={t('txRecovery.prepareFailed')} />
      ) : (
        <Loading />
      )}
    </div>
  );
}
