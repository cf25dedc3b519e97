// `tao wallet` commands that read or write the chain: balance, transfer, …
import { cryptoReady } from "@opentao/primitives";
import type { RuntimeCall } from "@opentao/runtime";
import { listWallets } from "@opentao/sdk";
import { money, parseAmountOption, tao } from "../../amount.js";
import { withChain } from "../../chain/connect.js";
import { estimateFee } from "../../chain/fee.js";
import { balancesOf, freeBalance, hotkeyOwner } from "../../chain/reads.js";
import { sendCall } from "../../chain/send.js";
import type { Action } from "../../command.js";
import { WALLET_PATH } from "../../common-options.js";
import { CliError, EXIT, usageError } from "../../errors.js";
import { parseWholeList } from "../../numbers.js";
import { pc } from "../../ui/colors.js";
import { renderTable } from "../../ui/table.js";
import { addressOption, coldkeypub, openWallet, unlockColdkey } from "../../wallet-access.js";
import { alphaJson } from "../stake/shared.js";
import {
  ALL_WALLETS,
  ALLOW_DEATH,
  AMOUNT,
  BALANCE_ALL,
  DESTINATION,
  NETUIDS_FILTER,
  SORT_BALANCE,
  SS58_LIST,
  TRANSFER_ALL,
} from "./options.js";

const SORTS = ["name", "free", "staked", "total"] as const;

export const balance: Action = async (ctx) => {
  await cryptoReady();
  const sort = ctx.string(SORT_BALANCE);
  if (sort !== undefined && !SORTS.includes(sort as never))
    throw usageError(`--sort must be one of ${SORTS.join(", ")}, got "${sort}"`);
  const given = ctx.list(SS58_LIST).map((a) => addressOption(a, "--ss58"));
  let entries: { name: string; coldkey: string }[];
  if (given.length > 0) {
    entries = given.map((coldkey, i) => ({ name: `Provided Address ${i + 1}`, coldkey }));
  } else if (ctx.boolean(BALANCE_ALL)) {
    const path = ctx.string(WALLET_PATH)!;
    entries = (await listWallets(path)).map((w) => ({ name: w.name, coldkey: w.ss58Address }));
    if (entries.length === 0) throw usageError(`no wallets found in ${path}`);
  } else {
    const wallet = openWallet(ctx);
    entries = [{ name: wallet.name, coldkey: (await coldkeypub(wallet)).ss58Address }];
  }
  await withChain(ctx, async (chain) => {
    const stop = ctx.ui.busy("Retrieving balances");
    const amounts = await balancesOf(
      chain.client,
      entries.map((e) => e.coldkey),
    ).finally(stop);
    let rows = entries.map((e, i) => ({
      ...e,
      ...amounts[i]!,
      total: amounts[i]!.free + amounts[i]!.staked,
    }));
    if (sort === "name") rows = rows.sort((a, b) => a.name.localeCompare(b.name));
    else if (sort) rows = rows.sort((a, b) => (b[sort as "free"] > a[sort as "free"] ? 1 : -1));
    const sum = (k: "free" | "staked" | "total") => rows.reduce((s, r) => s + r[k], 0n);
    const totals = { free: sum("free"), staked: sum("staked"), total: sum("total") };
    ctx.ui.result(
      {
        network: chain.network.name,
        balances: Object.fromEntries(
          rows.map((r) => [
            r.name,
            { coldkey: r.coldkey, free: money(r.free), staked: money(r.staked), total: money(r.total) },
          ]),
        ),
        totals: { free: money(totals.free), staked: money(totals.staked), total: money(totals.total) },
      },
      () =>
        ctx.ui.say(
          renderTable({
            title: `Wallet Coldkey Balance\nNetwork: ${chain.network.name}`,
            columns: [
              { header: "Wallet Name" },
              { header: "Coldkey Address" },
              { header: "Free Balance", align: "right" },
              { header: "Staked Value", align: "right" },
              { header: "Total Balance", align: "right" },
            ],
            rows: rows.map((r) => [r.name, r.coldkey, tao(r.free), tao(r.staked), tao(r.total)]),
            footer: ["Total Balance", "", tao(totals.free), tao(totals.staked), tao(totals.total)],
          }),
        ),
    );
  });
};

export const transfer: Action = async (ctx) => {
  await cryptoReady();
  const wallet = openWallet(ctx);
  const from = (await coldkeypub(wallet)).ss58Address;
  const dest = addressOption(ctx.string(DESTINATION), "--destination");
  const all = ctx.boolean(TRANSFER_ALL) === true;
  const amountText = ctx.string(AMOUNT);
  if (all && amountText !== undefined) throw usageError("Cannot specify an amount and '--all' flag.");
  if (!all && amountText === undefined)
    throw usageError("give the amount to send with --amount TAO, or --all");
  const amount = all ? 0n : parseAmountOption(amountText!, "--amount");
  if (!all && amount === 0n) throw usageError("--amount must be more than 0");
  const allowDeath = ctx.boolean(ALLOW_DEATH) === true;
  const call: RuntimeCall = all
    ? { pallet: "Balances", name: "transfer_all", args: { dest, keepAlive: !allowDeath } }
    : {
        pallet: "Balances",
        name: allowDeath ? "transfer_allow_death" : "transfer_keep_alive",
        args: { dest, value: amount },
      };

  await withChain(ctx, async (chain) => {
    ctx.ui.note(pc.yellow(`Initiating transfer on network: ${chain.network.name}`));
    const stop = ctx.ui.busy(`Checking balance and fees on chain ${chain.network.name}`);
    const [before, nonce] = await Promise.all([
      freeBalance(chain.client, from),
      chain.client.nextIndex(from),
    ]).finally(stop);
    const fee = estimateFee(chain.preset, call, nonce);
    const keep = allowDeath ? 0n : chain.preset.chain.existentialDeposit;
    const sending = all ? before - fee - keep : amount;
    if (before < sending + fee + keep || sending <= 0n) {
      const lines = [
        "Not enough balance:",
        `  balance: ${tao(before)}`,
        `  amount: ${tao(all ? before : amount)}`,
        `  for fee: ${tao(fee)}`,
        ...(allowDeath ? [] : [`   would bring you under the existential deposit: ${tao(keep)}.`]),
      ];
      throw new CliError(
        lines.join("\n"),
        EXIT.failed,
        allowDeath ? undefined : "You can try again with `--allow-death`.",
      );
    }
    // Balances refuses (ExistentialDeposit, after taking the fee) to create an account below the deposit.
    if (sending < chain.preset.chain.existentialDeposit) {
      const account = await chain.client.queryTyped<{ data: { free: string; reserved: string } }>(
        "System",
        "Account",
        [dest],
      );
      if (BigInt(account.data.free) + BigInt(account.data.reserved) === 0n)
        throw new CliError(
          `${tao(sending)} would not create the account ${dest}: a new account needs at least the existential deposit of ${tao(chain.preset.chain.existentialDeposit)}`,
          EXIT.failed,
          `send at least ${tao(chain.preset.chain.existentialDeposit)}`,
        );
    }
    const owner = await hotkeyOwner(chain.client, dest);
    if (owner) {
      await ctx.ui.confirmAction(
        "Proceed with transfer to this hotkey?",
        pc.red(
          `The destination appears to be a hotkey, owned by ${owner}. Only proceed if you are absolutely sure that ${dest} is the correct destination.`,
        ),
        false,
      );
    }
    await ctx.ui.confirmAction(
      "Proceed with transfer?",
      [
        "Do you want to transfer:",
        `  amount: ${tao(sending)}`,
        `  from: ${wallet.name} : ${from}`,
        `  to: ${dest}`,
        `  for fee: ${tao(fee)}`,
        pc.yellow("Transferring is not the same as staking. To instead stake, use `tao stake add` instead."),
      ].join("\n"),
    );
    const signer = await unlockColdkey(ctx, wallet);
    const sent = await sendCall(ctx, chain, signer, call, "Transferring...");
    const after = await freeBalance(chain.client, from);
    ctx.ui.result(
      {
        success: true,
        network: chain.network.name,
        from,
        to: dest,
        amount: money(sending),
        fee: money(fee),
        balance_before: money(before),
        balance_after: money(after),
        block: sent.block ?? null,
        extrinsic_hash: sent.extrinsicHash ?? null,
      },
      () => {
        if (sent.block)
          ctx.ui.success(`${sent.finalized ? "Finalized" : "Included"}. Block Hash: ${sent.block.hash}`);
        ctx.ui.say(`Balance:\n  ${pc.blue(tao(before))} ➡ ${pc.green(tao(after))}`);
      },
    );
  });
};

interface OverviewMetagraph {
  block: number;
  hotkeys: string[];
  coldkeys: string[];
  stake: string[];
  active: boolean[];
  rank: number[];
  trust?: number[];
  consensus: number[];
  incentive: number[];
  dividends: number[];
  emission: string[];
  validatorTrust: number[];
  validatorPermit: boolean[];
  lastUpdate: string[];
  axons: ({ ip: string; port: number } | null)[];
  dynamic: { tokenSymbol: string };
}

/** `wallet overview`: every neuron of the wallet's hotkeys (on disk or owned on chain), per subnet. */
export const overview: Action = async (ctx) => {
  await cryptoReady();
  const path = ctx.string(WALLET_PATH)!;
  const onDisk = await listWallets(path);
  let wallets: { name: string; coldkey: string; hotkeyNames: Map<string, string> }[];
  const named = (w: (typeof onDisk)[number]) => ({
    name: w.name,
    coldkey: w.ss58Address,
    hotkeyNames: new Map(w.hotkeys.map((h) => [h.ss58Address, h.name])),
  });
  if (ctx.boolean(ALL_WALLETS)) wallets = onDisk.map(named);
  else {
    const wallet = openWallet(ctx);
    const coldkey = (await coldkeypub(wallet)).ss58Address;
    const found = onDisk.find((w) => w.name === wallet.name);
    wallets = [found ? named(found) : { name: wallet.name, coldkey, hotkeyNames: new Map() }];
  }
  const filter = ctx.string(NETUIDS_FILTER);
  const only = filter === undefined ? undefined : parseWholeList(filter, "--netuids", 65535);
  await withChain(ctx, async (chain) => {
    const all = (await chain.client.call<{ netuid: number }[]>("subnetInfo_getAllDynamicInfo")).map(
      (d) => d.netuid,
    );
    const netuids = all.filter((n) => only === undefined || only.includes(n));
    const graphs = await Promise.all(
      netuids.map((n) => chain.client.call<OverviewMetagraph>("subnetInfo_getMetagraph", [n])),
    );
    const docs = await Promise.all(
      wallets.map(async (w) => {
        const owned = await chain.client.queryTyped<string[]>("SubtensorModule", "OwnedHotkeys", [w.coldkey]);
        const mine = new Set([...owned, ...w.hotkeyNames.keys()]);
        const neurons = graphs.flatMap((m, i) =>
          m.hotkeys.flatMap((hotkey, uid) => {
            if (!mine.has(hotkey)) return [];
            const u16 = (v: number[] | undefined) => (v?.[uid] ?? 0) / 65535;
            return [
              {
                netuid: netuids[i]!,
                uid,
                hotkey,
                hotkey_name: w.hotkeyNames.get(hotkey) ?? null,
                symbol: m.dynamic.tokenSymbol,
                active: m.active[uid] ?? false,
                // The metagraph's stake is the subnet's alpha (TAO on root), as in `stake list --json`.
                stake: alphaJson(BigInt(m.stake[uid] ?? "0"), stakeUnit(netuids[i]!, m.dynamic.tokenSymbol)),
                rank: u16(m.rank),
                trust: u16(m.trust),
                consensus: u16(m.consensus),
                incentive: u16(m.incentive),
                dividends: u16(m.dividends),
                emission: money(BigInt(m.emission[uid] ?? "0")),
                validator_trust: u16(m.validatorTrust),
                validator_permit: m.validatorPermit[uid] ?? false,
                updated: m.block - Number(m.lastUpdate[uid] ?? 0),
                axon: m.axons[uid] ? `${m.axons[uid]!.ip}:${m.axons[uid]!.port}` : null,
              },
            ];
          }),
        );
        return {
          name: w.name,
          coldkey: w.coldkey,
          free: money(await freeBalance(chain.client, w.coldkey)),
          neurons,
        };
      }),
    );
    ctx.ui.result({ network: chain.network.name, wallets: docs }, () => {
      const f4 = (x: number) => x.toFixed(4);
      for (const w of docs) {
        ctx.ui.say(`Wallet ${w.name}: ${w.coldkey}  free ${tao(BigInt(w.free.rao))}`);
        if (w.neurons.length === 0) {
          ctx.ui.say("  No registered hotkeys (register one with `tao subnets register`).\n");
          continue;
        }
        for (const netuid of [...new Set(w.neurons.map((n) => n.netuid))]) {
          const rows = w.neurons.filter((n) => n.netuid === netuid);
          ctx.ui.say(
            `${renderTable({
              title: `Subnet: ${netuid}: ${rows[0]!.symbol}`,
              columns: [
                { header: "COLDKEY" },
                { header: "HOTKEY" },
                { header: "UID", align: "right" },
                { header: "ACTIVE" },
                { header: `STAKE(${rows[0]!.stake.symbol})`, align: "right" },
                { header: "RANK", align: "right" },
                { header: "TRUST", align: "right" },
                { header: "CONSENSUS", align: "right" },
                { header: "INCENTIVE", align: "right" },
                { header: "DIVIDENDS", align: "right" },
                { header: "EMISSION(ρ)", align: "right" },
                { header: "VTRUST", align: "right" },
                { header: "VPERMIT" },
                { header: "UPDATED", align: "right" },
                { header: "AXON" },
                { header: "HOTKEY_SS58" },
              ],
              rows: rows.map((n) => [
                w.name,
                n.hotkey_name ?? n.hotkey.slice(0, 8),
                String(n.uid),
                String(n.active),
                fourDecimals(BigInt(n.stake.rao)),
                f4(n.rank),
                f4(n.trust),
                f4(n.consensus),
                f4(n.incentive),
                f4(n.dividends),
                n.emission.rao,
                f4(n.validator_trust),
                n.validator_permit ? "*" : "",
                String(n.updated),
                n.axon ?? "none",
                n.hotkey,
              ]),
            })}\n`,
          );
        }
      }
    });
  });
};

/** 1,234.5678 — the unit is in the column header, as btcli prints it. */
const fourDecimals = (rao: bigint) =>
  tao(rao)
    .slice(1)
    .replace(/(\.\d{4})\d+$/, "$1");

/** btcli's STAKE column unit: τ on root, the subnet's token symbol elsewhere. */
const stakeUnit = (netuid: number, symbol: string) => (netuid === 0 ? "τ" : symbol);
