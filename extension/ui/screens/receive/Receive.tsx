/** Receive screen container. */
import type { ReactElement } from 'react';
import { useWallet } from '../../app/wallet.js';
import { Loading } from '../../components/AsyncState.js';
import { ReceiveView } from './ReceiveView.js';

export function Receive(): ReactElement {
  const { account, network, space } = useWallet();
  if (!account || !network) return <Loading />;
  return <ReceiveView account={account} network={network} space={space} />;
}
