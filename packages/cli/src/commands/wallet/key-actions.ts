// `tao wallet` commands about keys on chain: set/get-identity, associate-hotkey, swap-hotkey,
// swap-coldkey (announce, execute, dispute, clear, check) and swap-check.
import { blake2b256, bytesToHex, cryptoReady, isValidSs58, ss58Decode, utf8 } from "@opentao/primitives";
import type { RuntimeCall } from "@opentao/runtime";
import { listWallets, Wallet } from "@opentao/sdk";
import { money, tao } from "../../amount.js";
import { type Chain, withChain } from "../../chain/connect.js";
import { explainDispatchError } from "../../chain/error-hints.js";
import { estimateFee } from "../../chain/fee.js";
import { freeBalance, hotkeyOwner } from "../../chain/reads.js";
import { sendCall } from "../../chain/send.js";
import type { Action, CommandContext } from "../../command.js";
import { HOTKEY, NETUID, WALLET_PATH } from "../../common-options.js";
import { CliError, EXIT, usageError } from "../../errors.js";
import { netuidOf } from "../../numbers.js";
import { pc } from "../../ui/colors.js";
import { renderTable } from "../../ui/table.js";
import { addressOption, coldkeypub, hotkeypub, openWallet, unlockColdkey } from "../../wallet-access.js";
import { bytesText } from "../subnets/reads.js";
import {
  ALL_NETUIDS,
  ALL_WALLETS,
  CHAIN_IDENTITY,
  COLDKEY_SS58,
  NEW_COLDKEY,
  SWAP_CHECK_SS58,
} from "./options.js";

/** Pays the fee (and `cost`) from the wallet's coldkey after a balance check and a confirmation. */
async function sendFromColdkey(
  ctx: CommandContext,
  chain: Chain,
  wallet: Wallet,
  call: RuntimeCall,
  opts: { cost?: bigint; question: string; details?: string; label: string },
) {
  const coldkey = (await coldkeypub(wallet)).ss58Address;
  const [balance, nonce] = await Promise.all([
    freeBalance(chain.client, coldkey),
    chain.client.nextIndex(coldkey),
  ]);
  const fee = estimateFee(chain.preset, call, nonce);
  const cost = opts.cost ?? 0n;
  if (balance < cost + fee)
    throw new CliError(
      `Not enough balance: ${tao(balance)} does not cover ${cost > 0n ? `${tao(cost)} plus ` : ""}the fee ${tao(fee)}`,
      EXIT.failed,
      "check it with `tao wallet balance`",
    );
  await ctx.ui.confirmAction(opts.question, opts.details ?? "");
  return sendCall(ctx, chain, await unlockColdkey(ctx, wallet), call, opts.label);
}

type ChainIdentity = Record<string, string>;

async function chainIdentity(chain: Chain, coldkey: string): Promise<ChainIdentity | null> {
  const raw = await chain.client.queryTyped<Record<string, string> | null>(
    "SubtensorModule",
    "IdentitiesV2",
    [coldkey],
  );
  return raw ? Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, bytesText(v)])) : null;
}

function showIdentity(ctx: CommandContext, coldkey: string, identity: ChainIdentity | null): void {
  if (!identity) {
    ctx.ui.say(`Existing identity not found for ${coldkey} on the network.`);
    return;
  }
  ctx.ui.say(
    renderTable({
      title: `On-Chain Identity\n${coldkey}`,
      columns: [{ header: "Item" }, { header: "Value" }],
      rows: Object.entries(identity).map(([k, v]) => [k, v]),
    }),
  );
}

export const setIdentity: Action = async (ctx) => {
  await cryptoReady();
  const wallet = openWallet(ctx);
  const coldkey = (await coldkeypub(wallet)).ss58Address;
  if (!CHAIN_IDENTITY.some(({ def }) => ctx.string(def) !== undefined))
    throw usageError("give at least one field, e.g. --id-name NAME (see --help)");
  await withChain(ctx, async (chain) => {
    const current = (await chainIdentity(chain, coldkey)) ?? {};
    const identity = Object.fromEntries(
      CHAIN_IDENTITY.map(({ field, def }) => [field, utf8(ctx.string(def) ?? current[field] ?? "")]),
    );
    const sent = await sendFromColdkey(
      ctx,
      chain,
      wallet,
      { pallet: "SubtensorModule", name: "set_identity", args: identity },
      {
        question: `Are you sure you want to set the identity for the coldkey ${coldkey}?`,
        label: "Updating identity on-chain...",
      },
    );
    const now = await chainIdentity(chain, coldkey);
    ctx.ui.result({ success: true, coldkey, identity: now, block: sent.block ?? null }, () => {
      ctx.ui.success("Successfully set identity.");
      showIdentity(ctx, coldkey, now);
    });
  });
};

export const getIdentity: Action = async (ctx) => {
  await cryptoReady();
  const given = ctx.string(COLDKEY_SS58);
  const coldkey =
    given !== undefined ? addressOption(given, "--ss58") : (await coldkeypub(openWallet(ctx))).ss58Address;
  await withChain(ctx, async (chain) => {
    const identity = await chainIdentity(chain, coldkey);
    ctx.ui.result({ coldkey, identity }, () => showIdentity(ctx, coldkey, identity));
  });
};

export const associateHotkey: Action = async (ctx) => {
  await cryptoReady();
  const wallet = openWallet(ctx);
  const coldkey = (await coldkeypub(wallet)).ss58Address;
  const named = ctx.string(HOTKEY)!;
  const hotkey = isValidSs58(named) ? named : (await hotkeypub(wallet)).ss58Address;
  await withChain(ctx, async (chain) => {
    const owner = await hotkeyOwner(chain.client, hotkey);
    if (owner === coldkey) {
      ctx.ui.result({ success: true, hotkey, coldkey, already: true, block: null }, () =>
        ctx.ui.say(`Hotkey ${hotkey} is already associated with wallet ${wallet.name} (${coldkey}).`),
      );
      return;
    }
    if (owner)
      throw new CliError(
        `Hotkey ${hotkey} is already associated with another coldkey, ${owner}.`,
        EXIT.failed,
        "use a hotkey of your own (--hotkey NAME)",
      );
    const sent = await sendFromColdkey(
      ctx,
      chain,
      wallet,
      { pallet: "SubtensorModule", name: "try_associate_hotkey", args: { hotkey } },
      {
        question: `Do you want to associate hotkey ${hotkey} with coldkey ${coldkey}?`,
        label: "Associating hotkey...",
      },
    );
    ctx.ui.result({ success: true, hotkey, coldkey, already: false, block: sent.block ?? null }, () =>
      ctx.ui.success(`Associated hotkey ${hotkey} with coldkey ${coldkey}.`),
    );
  });
};

export const swapHotkey: Action = async (ctx) => {
  await cryptoReady();
  const destination = ctx.args[0];
  if (!destination)
    throw usageError("name the new hotkey: `tao wallet swap-hotkey NEW_HOTKEY_NAME --hotkey OLD`");
  const wallet = openWallet(ctx);
  const newWallet = new Wallet({ name: wallet.name, path: wallet.path, hotkey: destination });
  const [oldHotkey, newHotkey] = [
    (await hotkeypub(wallet)).ss58Address,
    (await hotkeypub(newWallet)).ss58Address,
  ];
  if (oldHotkey === newHotkey)
    throw usageError("the new hotkey is the old one; name another with the argument");
  const netuidText = ctx.string(NETUID);
  if (netuidText !== undefined && ctx.boolean(ALL_NETUIDS))
    throw usageError("give --netuid or --all-netuids, not both");
  const netuid = netuidText === undefined ? undefined : netuidOf(ctx);
  await withChain(ctx, async (chain) => {
    const cost = chain.preset.swaps.keySwapCost;
    const where = netuid === undefined ? "on all subnets" : `on subnet ${netuid} only`;
    const sent = await sendFromColdkey(
      ctx,
      chain,
      wallet,
      { pallet: "SubtensorModule", name: "swap_hotkey", args: { hotkey: oldHotkey, newHotkey, netuid } },
      {
        cost,
        question: `Swap hotkey ${oldHotkey} for ${newHotkey} ${where}?`,
        details: `This recycles ${tao(cost)} from the coldkey.`,
        label: "Swapping hotkeys...",
      },
    );
    ctx.ui.result(
      {
        success: true,
        old_hotkey: oldHotkey,
        new_hotkey: newHotkey,
        netuid: netuid ?? null,
        block: sent.block ?? null,
      },
      () => ctx.ui.success(`Hotkey ${oldHotkey} swapped for new hotkey: ${newHotkey}`),
    );
  });
};

// ---- coldkey swap ------------------------------------------------------------------------------------

const ACTIONS = ["announce", "execute", "dispute", "clear", "check"] as const;

interface Announcement {
  coldkey: string;
  /** Block from which the swap can be executed. */
  executable_at: number;
  new_coldkey_hash: string;
  disputed_at: number | null;
}

async function announcementOf(chain: Chain, coldkey: string): Promise<Announcement | null> {
  const [a, disputed] = await Promise.all([
    chain.client.queryTyped<[number | string, string] | null>("SubtensorModule", "ColdkeySwapAnnouncements", [
      coldkey,
    ]),
    chain.client.queryTyped<number | string | null>("SubtensorModule", "ColdkeySwapDisputes", [coldkey]),
  ]);
  if (!a) return null;
  return {
    coldkey,
    executable_at: Number(a[0]),
    new_coldkey_hash: a[1],
    disputed_at: disputed === null || disputed === undefined ? null : Number(disputed),
  };
}

async function newColdkeyOf(ctx: CommandContext): Promise<string> {
  const given = ctx.string(NEW_COLDKEY);
  if (given === undefined) throw usageError("give the new coldkey with --new-coldkey ADDRESS_OR_WALLET_NAME");
  if (isValidSs58(given)) return addressOption(given, "--new-coldkey");
  return (await coldkeypub(new Wallet({ name: given, path: ctx.string(WALLET_PATH)! }))).ss58Address;
}

const coldkeyHash = (address: string) => bytesToHex(blake2b256(ss58Decode(address)));

function announcementLines(a: Announcement | null, coldkey: string, block: number): string {
  if (!a) return `No coldkey swap announced for ${coldkey}.`;
  const left = a.executable_at - block;
  return [
    `Coldkey swap announced for ${coldkey}`,
    `  new coldkey hash: ${a.new_coldkey_hash}`,
    left > 0
      ? `  executable at block ${a.executable_at} (${left} blocks from now)`
      : `  executable now (since block ${a.executable_at})`,
    ...(a.disputed_at !== null
      ? [pc.red(`  disputed at block ${a.disputed_at}: frozen until the triumvirate acts`)]
      : []),
  ].join("\n");
}

/**
 * The error the chain would return for this action in the next block, found before sending so that it
 * costs no fee: the same checks, in the same order, as the calls' dispatch.
 */
function coldkeySwapRefusal(
  action: string,
  a: Announcement | null,
  nextBlock: number,
  newColdkey: string | undefined,
  reannounceDelay: number,
): { error: string; why: string } | undefined {
  // The chain's coldkey-swap guard refuses every call of a disputed coldkey first.
  if (a?.disputed_at != null)
    return { error: "ColdkeySwapDisputed", why: `disputed at block ${a.disputed_at}` };
  if (action === "announce") {
    if (!a || nextBlock >= a.executable_at + reannounceDelay) return undefined;
    return {
      error: "ColdkeySwapReannouncedTooEarly",
      why: `a new announcement is allowed from block ${a.executable_at + reannounceDelay}`,
    };
  }
  if (!a) return { error: "ColdkeySwapAnnouncementNotFound", why: "this coldkey has announced no swap" };
  if (action === "execute") {
    if (a.new_coldkey_hash !== coldkeyHash(newColdkey!))
      return { error: "AnnouncedColdkeyHashDoesNotMatch", why: `${newColdkey} is not the coldkey announced` };
    if (nextBlock < a.executable_at)
      return {
        error: "ColdkeySwapTooEarly",
        why: `executable at block ${a.executable_at}, ${a.executable_at - nextBlock + 1} blocks from now`,
      };
  }
  if (action === "clear" && nextBlock < a.executable_at + reannounceDelay)
    return {
      error: "ColdkeySwapClearTooEarly",
      why: `it can be withdrawn from block ${a.executable_at + reannounceDelay}`,
    };
  return undefined;
}

export const swapColdkey: Action = async (ctx) => {
  await cryptoReady();
  const action = ctx.args[0]?.toLowerCase();
  if (!action || !ACTIONS.includes(action as never))
    throw usageError(
      `${action ? `Invalid action: ${action}. ` : ""}Must be 'announce', 'execute', 'dispute', 'clear', or 'check'.`,
      "e.g. `tao wallet swap-coldkey announce --new-coldkey 5Dk…`",
    );
  const wallet = openWallet(ctx);
  const coldkey = (await coldkeypub(wallet)).ss58Address;
  const newColdkey = action === "announce" || action === "execute" ? await newColdkeyOf(ctx) : undefined;
  if (newColdkey === coldkey) throw usageError("the new coldkey is this wallet's own coldkey");
  await withChain(ctx, async (chain) => {
    const block = (await chain.client.header()).number;
    const current = await announcementOf(chain, coldkey);
    if (action === "check") {
      ctx.ui.result({ coldkey, block, announcement: current }, () =>
        ctx.ui.say(announcementLines(current, coldkey, block)),
      );
      return;
    }
    const calls: Record<string, RuntimeCall> = {
      announce: {
        pallet: "SubtensorModule",
        name: "announce_coldkey_swap",
        args: { newColdkeyHash: newColdkey && coldkeyHash(newColdkey) },
      },
      execute: { pallet: "SubtensorModule", name: "swap_coldkey_announced", args: { newColdkey } },
      dispute: { pallet: "SubtensorModule", name: "dispute_coldkey_swap", args: {} },
      clear: { pallet: "SubtensorModule", name: "clear_coldkey_swap_announcement", args: {} },
    };
    const reannounceDelay = current
      ? Number(await chain.client.queryTyped<number>("SubtensorModule", "ColdkeySwapReannouncementDelay", []))
      : 0;
    const refusal = coldkeySwapRefusal(action, current, block + 1, newColdkey, reannounceDelay);
    if (refusal) {
      const { message, hint } = explainDispatchError(`SubtensorModule.${refusal.error}`);
      throw new CliError(`${message} (${refusal.why}); nothing was sent.`, EXIT.failed, hint);
    }
    const cost = action === "announce" && !current ? chain.preset.swaps.keySwapCost : 0n;
    const questions: Record<string, string> = {
      announce: `Announce a swap of coldkey ${coldkey} to ${newColdkey}? It can be executed after the announcement delay.`,
      execute: `Swap coldkey ${coldkey} to ${newColdkey} now? Every balance, stake and subnet it owns moves.`,
      dispute: `Dispute the coldkey swap of ${coldkey}? This freezes the account until the triumvirate acts.`,
      clear: `Withdraw the coldkey swap announcement of ${coldkey}?`,
    };
    const sent = await sendFromColdkey(ctx, chain, wallet, calls[action]!, {
      cost,
      question: questions[action]!,
      ...(cost > 0n ? { details: `Announcing recycles ${tao(cost)} (the swap cost).` } : {}),
      label: `Coldkey swap: ${action}...`,
    });
    const after = await announcementOf(chain, coldkey);
    ctx.ui.result(
      {
        success: true,
        action,
        coldkey,
        new_coldkey: newColdkey ?? null,
        cost: money(cost),
        announcement: after,
        block: sent.block ?? null,
      },
      () => {
        ctx.ui.success(`Coldkey swap ${action}: done.`);
        if (action !== "execute") ctx.ui.say(announcementLines(after, coldkey, sent.block?.number ?? block));
      },
    );
  });
};

export const swapCheck: Action = async (ctx) => {
  await cryptoReady();
  const given = ctx.string(SWAP_CHECK_SS58);
  let targets: { name: string; coldkey: string }[];
  if (given !== undefined) targets = [{ name: given, coldkey: addressOption(given, "--ss58") }];
  else if (ctx.boolean(ALL_WALLETS)) {
    targets = (await listWallets(ctx.string(WALLET_PATH)!)).map((w) => ({
      name: w.name,
      coldkey: w.ss58Address,
    }));
  } else {
    const wallet = openWallet(ctx);
    targets = [{ name: wallet.name, coldkey: (await coldkeypub(wallet)).ss58Address }];
  }
  await withChain(ctx, async (chain) => {
    const block = (await chain.client.header()).number;
    const found = await Promise.all(targets.map((t) => announcementOf(chain, t.coldkey)));
    ctx.ui.result({ block, announcements: found.filter((a) => a !== null) }, () => {
      for (const [i, t] of targets.entries())
        ctx.ui.say(announcementLines(found[i]!, `${t.coldkey} (${t.name})`, block));
    });
  });
};
