/**
 * Trusted PoS checkpoints shipped with the wallet, one per public network.
 *
 * A checkpoint is the committee (EpochState) of one PoS epoch: every validator's account, BLS key
 * and voting power, with the quorum. Everything the light client believes about finality chains
 * back to it through committee rotations, so it is pinned by its digest
 * SHA3-256(BCS(EpochState)) and the digest is checked when the checkpoint is loaded.
 *
 * Refresh with every release: `npm run checkpoint:refresh -- --rpc <url>…` follows PoS from the
 * checkpoint below with full verification (every committee rotation checked with a quorum of the
 * committee before it; never the skipping rule) against the given nodes, requires every node to
 * serve the same epoch-ending ledger info, and rewrites this file. Each checkpoint's `source` and
 * `provenance` say how it was obtained. A stale checkpoint costs a catch-up of about 29 PoS
 * epochs per day since it.
 *
 * Testnet: none shipped. No testnet EpochState with verifiable provenance was available when this
 * was written, and an invented one would be worse than none: the client reports
 * `checkpoint.none_shipped` for testnet until a real one is added.
 *
 * This file is written by scripts/checkpoint-refresh.ts.
 * @module
 */
import type { Checkpoint } from './types.js';

/** Conflux mainnet (Core chain id 1029), PoS epoch 46114. */
export const MAINNET_CHECKPOINT: Checkpoint = {
  "network": "mainnet",
  "chainId": 1029,
  "trust": "shipped",
  "epoch": 46114,
  "epochState": {
    "epoch": "0xb422",
    "verifier": {
      "addressToValidatorInfo": {
        "0x0b189b388fdf58c12fad0c5aea3e8e54a8533bef29ec068511cd0af46575372d": {
          "publicKey": "0x973e806add0eae1063534a2d438f4777bc50648c27b1f44ba06ea1e130f338e2f2b0e4c7233df0a32e4abc4237f80209",
          "vrfPublicKey": "0x03a1df5c77fb1668ec0530bb3bbe66e51635083988bea7cfeda3d6c49b833c2a53",
          "votingPower": "0x5"
        },
        "0x231a92cafc2315be2a8c17d8bfbbea22c9b3b4843e7ffd9e02990d259f89935c": {
          "publicKey": "0x950b06351278c6129c12a7449cf6a2eb616ff89c7685dee5ead919857e43c2d8b748e1e0df0bfa07a7cbe0fa2d5da239",
          "vrfPublicKey": "0x02a6d18ec5960884571d2307d48a84bd13df154b96514053b3754feece37896693",
          "votingPower": "0x1e"
        },
        "0x243a91338fae1a552f059f7d074999acdc048856bfab71f3903bd5d12a9084e4": {
          "publicKey": "0xb48353ce7ba3e45d85373d34e333b8cdd2cc773a440e487be2977f6dbba5b80ef5e37ba2ee47eb663f900a20445e3974",
          "vrfPublicKey": "0x02f9805cff191e8330ef255576c3a9f9664a66e421bee479506542738983b1b97f",
          "votingPower": "0x10"
        },
        "0x26f3bdea1fb1c4c721601fb4da43a3b3fbf85c57df680ee3d403e242723daa48": {
          "publicKey": "0x8c949e11dc3576767a9567089c95d6afa00ff70524b42ee48ab14425f3f713c40b1e906fc9feb7625b9b8bbf368c9e5a",
          "vrfPublicKey": "0x03438889b669197211b33c4f95fbfb19c3c3e0f5c85b01b4079eb84ba190188bee",
          "votingPower": "0x5"
        },
        "0x2b3e328934eb0b02bcfc439ac7b08b5c338bdbb0565f96a61badc27229a6e1bd": {
          "publicKey": "0x87f935dff4ee21efae77b6e6580d92170b1f041441b5650fe1f1d7150d742a6bfc05abe294c1ae93ad215995437f728d",
          "vrfPublicKey": "0x03e64b718b8a55f606c08308009b7afc8cbb24ed444e5ef12237ac5cc06db5c3a3",
          "votingPower": "0x1"
        },
        "0x38267da50f819a90147fa797efb4fa5f79a5a5a947315d5a958161390ffe060f": {
          "publicKey": "0x8746bf7f2ba2b6cd0fae5949e78997ddfca670db443b0f4dc27b7a99aa21bde5508ae593b97815bd463098000e6b3b3d",
          "vrfPublicKey": "0x03b0da2f984f83b21119884ffd2841ab3caa9ded7fe41565f4c7bdc9c6c5b2519e",
          "votingPower": "0x4"
        },
        "0x60df5c013195c715c4d9fd75580c7b856d5dda11986175891dace54ffa76a0d6": {
          "publicKey": "0x879b9bd00b38618792ab12e6837a2880a9639381928a53a3fe69b33b4976ceecfd82f6dda9e045050b8b57bb1979ac97",
          "vrfPublicKey": "0x03d5f32edcfc20a23eaae4772b656c1390ea8dd3670cdfdc05fca4e57e4cb27143",
          "votingPower": "0x12"
        },
        "0x6aab785e2f7bc3656825ae1b674e7ec9159e573326e5b0f5acf4f1ed46ace34d": {
          "publicKey": "0xab8f9b17d42224a7c60df74cb107b0e9ab15873a4254c13139b2b89f4fb47799ec6677139ec752fdddfae9048dc6a199",
          "vrfPublicKey": "0x025254de29354cd8e6e72db7e8d397d9cb63f1d57b4ce4ac925d3c2a619a174f7e",
          "votingPower": "0x2"
        },
        "0x75438e9f33b86db42934f9ac1c2b4341ca25a1a6d6648d51ba013e75ea021458": {
          "publicKey": "0xb1debf0b563a3344f8da1a062a493c3e762f2e23efc68bba65829134e32b6be38e93211b57ed1ecd41c5dd5b76ff2f26",
          "vrfPublicKey": "0x03042fc0366f4a9ada91a7e6358475be560b8d789dc5eab9f634528380c6a506bd",
          "votingPower": "0x23"
        },
        "0x7feb9aba64be67a99dd59649d5085006021da67a54abb33d3ca0966f3246816c": {
          "publicKey": "0x8f3cdeaa90be7146ee8215f908fc815dca4f01a7d5b458045bb70c530bde42e38958d5728510c658c1fa298243d6d8bf",
          "vrfPublicKey": "0x0397b65c8c6f46f0de342857b200d86501b08b58b635b6f0b2c3d5eeb3be7b8f48",
          "votingPower": "0x15"
        },
        "0x91967b19fb54c52988da6e89d6640c1d1fb1ad7ef1fb8ea326437765db778790": {
          "publicKey": "0x91ae878a561a05d3d16acb8a3003713a099473f1884e2873c428d492308c53b003ac77ee8f760fc24151dcff48f15430",
          "vrfPublicKey": "0x0275a68d00a3471dfb39bc2fc99772678bd0fff7ec48133b9965a686cc5670828e",
          "votingPower": "0x5"
        },
        "0x92ba044ffdf81232b5ac4ae8f2bfefe45c1607d896d81ac4a354d66c32c773a4": {
          "publicKey": "0x8e52344bdfa6a6488f29cc363cdf4d12862cc08d90b5b6f23bc64d3cc821424039a61bb4d6d8ca82af3b1a3bc4143408",
          "vrfPublicKey": "0x02111d51e1c2561f637f51092a19fee1b0e7a1d08e41078e68b56f932eab03796f",
          "votingPower": "0x2"
        },
        "0x947c684e270131a1aab8711d2e321fc0e909318d885cfe69d4fc0158aded22d0": {
          "publicKey": "0x8e5d3e148328c293f9944e9d35bac1d34cca66266b6239beb273269a0e831d00fea387a4acc17dfe90b248e0a2420aa0",
          "vrfPublicKey": "0x02dd01a522276c9b2827f147c2e284cc5120bbc3151a08e9a83759b9caebefb3aa",
          "votingPower": "0x10"
        },
        "0x98804f1a8e879cb3912816ab1dadb493bbe110902358077bd67da17796cd139a": {
          "publicKey": "0x89b462ef748bceb092f4a46385ceece356c0552509019e8eedead3cd12ce14bb51b3aed6fe3ea5e6ccca1cd3caf9f291",
          "vrfPublicKey": "0x025551d495d3ed18116b50fa76d631d22284be96fce01324fbc38c8f5dab4c2dc4",
          "votingPower": "0x10"
        },
        "0x9e63ddb4b9e9fd770ca02fb285af4237cb0a65a269ff40e747e80d93374e6fc6": {
          "publicKey": "0xb6732ced98aac3bb3889487fbe35fd96bd94236945d515bb8e79cc27c313d2e5b413ef2ae127303d8f9a8ba9b8cc4374",
          "vrfPublicKey": "0x03e82fbc8f4f299ee837acf1a8a2013120572c249bcc67a4aff75bc75ad405fb22",
          "votingPower": "0x1"
        },
        "0xae888cc930f28bd81c22f3783f615d03701363a06ad24b90aca5ef5a15d758b0": {
          "publicKey": "0xb41c811d9f86037b5629001ec459bc29d0a80a02f91ce34ca8aa0c2e2f7c5efac12bc07662e371f31109e1351a034af9",
          "vrfPublicKey": "0x03394f8da7db0987b5440e5560742ac13065a2d0bd1818e5ac75b789549cd2898a",
          "votingPower": "0x4"
        },
        "0xbaeb67e7cd81a788060fdb53badc74177e550bd36585287e4f4a034fb821676c": {
          "publicKey": "0x900edc75380622cac7fac32dbcf8a19816c861e24e216c6976dc2164aecab54525dc225a2dc7837dc16da6a745f5cc0e",
          "vrfPublicKey": "0x0320b9b15659a5cc6561ed3661892444fbbdf88a8d58846a053839a8cf3e49cf00",
          "votingPower": "0xa"
        },
        "0xbec7e19d019851f49580b6748d00adfb589d42bc0758a5fecaa1bfdc7da46c45": {
          "publicKey": "0x854063b730fa72ff838bef2aa9b09230c95517ba63642e0416b9f76259cf58f693142daae0124a01632979c2ec8d27bf",
          "vrfPublicKey": "0x02f96260693bf7fc9b9895098ca260293386d0262be2a74d013c4b766e55faa5c4",
          "votingPower": "0x1"
        },
        "0xcebb02a0c62eec01ef8da8ee9ada1cfad26b2e9c45b80cede60bb9f0944905f5": {
          "publicKey": "0x93272415c8f44efb5334cb187982f606f72b462b40c5a16c503714410ef6b2a55e5a9f0eda15787716e048abc362c1c5",
          "vrfPublicKey": "0x0381c8aa9be4bb585db064c638ad8af9710e06fce1c4ec7fac3b40391667f89785",
          "votingPower": "0x2"
        },
        "0xda24e1044177823ce0154605a2a594ab72a89acbd03c101b40f09c2d4fd8e2e7": {
          "publicKey": "0x8a62f6542be11bf6ba71a4d5af9e882c5caf0f04ff8e902ab50387261255e412595922c42efd6541528022756096b142",
          "vrfPublicKey": "0x03566aff2ef50b00028088925382a1020f6a71b764b00a03185345a26b62dedeb0",
          "votingPower": "0x6"
        },
        "0xe6e247242147b83de97e43c6c07afcfe2935aa8a2879e96f29990a04860288ee": {
          "publicKey": "0x99526386992cc06081a0f6c641501176efd4a31de469feeaf7c4c19697938d810107fdee5726387242af228d041f0eb9",
          "vrfPublicKey": "0x0381833ba91b016a36b64c50457359a628bf384ab30fff13e73ed979359119e428",
          "votingPower": "0x3"
        },
        "0xea5378fd00834dae7077768810aa9b9b16c3b08833c9a826af3372fee547892d": {
          "publicKey": "0x980a5e1247a06bb807f0d01d0463f7a0d652a194bab33268b1afd185de496b2a1c3e50fbfe892cab656f5693368b7c73",
          "vrfPublicKey": "0x03fb878c8873f8a3b69d3e956c01c43707795b5c4d6cf05f2e2e0633db63ea32d1",
          "votingPower": "0x2a"
        },
        "0xef2693fb1f890a862d5bb4bf43fa0eda4ef37879cb5a4d4472d9bcbd4ec0cd70": {
          "publicKey": "0x861e78b4b76611dc6707348fb4d7d736c552f43c020fcad2b27fc4c6e0e8220de283ede04aab06ae88f022fd2dc1cb69",
          "vrfPublicKey": "0x02986545e021c74c6b33a2b9acb067fdf80d4065e41fb653f7c506933878f053a8",
          "votingPower": "0xe"
        },
        "0xf548f173f57ecbba2bdaf54657d545af939c6e48e0cf82f5cbc7e6922f1b351a": {
          "publicKey": "0x90b40b3416ed477d43e643dda3c572173dc44c11c4df86d3f84e6da2f670bb85cbaa9ed902783404431beae739ad631c",
          "vrfPublicKey": "0x0344f991e148d73573abaff468461bc5b94d199f75419d829d10c00ffb483c8241",
          "votingPower": "0x6"
        },
        "0xf773886116941c0b554bf0aab9ce66b8d0c20c7a370c6a0233fdd458ac813384": {
          "publicKey": "0xb5c8f24714130bd65b22ba0727dd224d2307398a9a2df5297e41398153852d544e44578e173ee32929eaf6a6afacee18",
          "vrfPublicKey": "0x030479e3ce015398763a343d83eaf1924da43f1439fa2e70f8b1d55be446369921",
          "votingPower": "0x23"
        }
      },
      "quorumVotingPower": "0xc9",
      "totalVotingPower": "0x12c"
    },
    "vrfSeed": "0xc2a46d3c93344f613dd71253b5a9e09bd24160d79abee058cb3f1a14b6a429f7"
  },
  "digest": "0x87b4d9cda1239b347e83d8953ec7771f2944b1b063032927ee30e26fd042207d",
  "source": "nextEpochState of pos_getLedgerInfoByEpoch(46113) on Conflux mainnet (main.confluxrpc.com, captured 2026-10-01T08:13:32Z; shayansal/clpr-smart-contracts@65b6f14 test/e2e/fixtures/conflux-live/capture.json), signed by EpochState(46113) 300/300; the signatures verify (test/vectors/pos/mainnet-epoch46113-round120-epochchange.json)"
};

/** Shipped checkpoints by Core chain id. */
export const SHIPPED_CHECKPOINTS: ReadonlyMap<number, Checkpoint> = new Map([[MAINNET_CHECKPOINT.chainId, MAINNET_CHECKPOINT]]);

/** Core chain ids of networks known to exist but without a shipped checkpoint. */
export const NETWORKS_WITHOUT_CHECKPOINT: ReadonlyMap<number, string> = new Map([[1, "testnet"]]);
