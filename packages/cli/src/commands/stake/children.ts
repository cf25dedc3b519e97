// `tao stake child get | set | revoke | take`: a hotkey lends its stake weight to child hotkeys
// (set_children, applied after the cooldown at the subnet's epoch) and takes a cut of what they earn.
import { cryptoReady } from "@opentao/primitives";
import type { RuntimeCall } from "@opentao/runtime";
import { money, tao } from "../../amount.js";
import { type Chain, withChain } from "../../chain/connect.js";
import { estimateFee } from "../../chain/fee.js";
import { eventsNamed, sendCall } from "../../chain/send.js";
import type { Action, CommandContext } from "../../command.js";
import { HOTKEY } from "../../common-options.js";
import { usageError } from "../../errors.js";
import { renderTable } from "../../ui/table.js";
import { coldkeypub, hotkeypub, openWallet, unlockColdkey } from "../../wallet-access.js";
import { CHILD_HOTKEY, CHILDREN, PROPORTIONS, TAKE } from "./options.js";
import { asAddress, netuidsOf, PRICE_ONE, parseFraction, poolIn, pools } from "./shared.js";

const U64_MAX = 2n ** 64n - 1n;
const U16_MAX = 65_535n;
/** btcli's bound on a childkey take (and a delegate take): 18 %. */
export const MAX_TAKE = 180_000_000n;

/** A fraction (parts per 10^9) as btcli converts it: int(x × 0xFFFF). */
export const takeToU16 = (ppb: bigint): number => Number((ppb * U16_MAX) / PRICE_ONE);
export const u16ToPercent = (v: number): string => `${((v / 65_535) * 100).toFixed(2)}%`;
const proportionToU64 = (ppb: bigint): bigint => (ppb * U64_MAX) / PRICE_ONE;
const u64ToPercent = (v: bigint): string =>
  `${(Number((v * 1_000_000n + U64_MAX / 2n) / U64_MAX) / 10_000).toFixed(4)}%`;

type Links = [string, string][];

async function parentHotkey(ctx: CommandContext, wallet: Parameters<typeof hotkeypub>[0]): Promise<string> {
  return asAddress(ctx.string(HOTKEY)!) ?? (await hotkeypub(wallet)).ss58Address;
}

async function subnetsFor(ctx: CommandContext, chain: Chain): Promise<number[]> {
  const subnets = await pools(chain.client);
  const netuids = netuidsOf(ctx, () => [...subnets.keys()].filter((n) => n !== 0));
  if (!netuids) throw usageError("give the subnet with --netuid N, or --all-netuids");
  for (const n of netuids) {
    poolIn(subnets, n);
    if (n === 0) throw usageError("child hotkeys cannot be set on the root subnet (netuid 0)");
  }
  return netuids;
}

export const get: Action = async (ctx) => {
  await cryptoReady();
  const wallet = openWallet(ctx);
  const hotkey = await parentHotkey(ctx, wallet);
  await withChain(ctx, async (chain) => {
    const netuids = await subnetsFor(ctx, chain);
    const q = <T>(item: string, keys: unknown[]) => chain.client.queryTyped<T>("SubtensorModule", item, keys);
    const rows = await Promise.all(
      netuids.map(async (netuid) => {
        const [children, parents, pending, take] = await Promise.all([
          q<Links>("ChildKeys", [hotkey, netuid]),
          q<Links>("ParentKeys", [hotkey, netuid]),
          q<[Links, string]>("PendingChildKeys", [netuid, hotkey]),
          q<number>("ChildkeyTake", [hotkey, netuid]),
        ]);
        const link = ([p, who]: [string, string]) => ({
          hotkey: who,
          proportion: p,
          share: u64ToPercent(BigInt(p)),
        });
        return {
          netuid,
          children: children.map(link),
          parents: parents.map(link),
          pending:
            pending[0].length > 0 || BigInt(pending[1]) > 0n
              ? { children: pending[0].map(link), cooldown_block: Number(pending[1]) }
              : null,
          childkey_take: take,
          childkey_take_percent: u16ToPercent(take),
        };
      }),
    );
    ctx.ui.result({ network: chain.network.name, hotkey, subnets: rows }, () => {
      for (const r of rows) {
        const lines = r.children.map((c) => [String(r.netuid), c.hotkey, c.share, "active"]);
        for (const c of r.pending?.children ?? [])
          lines.push([
            String(r.netuid),
            c.hotkey,
            c.share,
            `pending until block ${r.pending!.cooldown_block}`,
          ]);
        if (lines.length === 0) lines.push([String(r.netuid), "(no children)", "", ""]);
        ctx.ui.say(
          renderTable({
            title: `Children of ${hotkey} on netuid ${r.netuid} (childkey take ${r.childkey_take_percent})`,
            columns: [
              { header: "Netuid", align: "right" },
              { header: "Child hotkey" },
              { header: "Proportion", align: "right" },
              { header: "State" },
            ],
            rows: lines,
          }),
        );
      }
    });
  });
};

async function sendEach(
  ctx: CommandContext,
  chain: Chain,
  wallet: Parameters<typeof unlockColdkey>[1],
  calls: RuntimeCall[],
  question: string,
  details: string,
  label: string,
) {
  const coldkey = (await coldkeypub(wallet)).ss58Address;
  const nonce = await chain.client.nextIndex(coldkey);
  const fee = calls.reduce((s, c, i) => s + estimateFee(chain.preset, c, nonce + i), 0n);
  await ctx.ui.confirmAction(question, `${details}\n  extrinsic fee: ${tao(fee)}`);
  const signer = await unlockColdkey(ctx, wallet);
  const sent = [];
  for (const c of calls) sent.push(await sendCall(ctx, chain, signer, c, label));
  return { sent, fee };
}

function setOrRevoke(revoke: boolean): Action {
  return async (ctx) => {
    await cryptoReady();
    const wallet = openWallet(ctx);
    const hotkey = await parentHotkey(ctx, wallet);
    let links: [bigint, string][] = [];
    if (!revoke) {
      const children = ctx.list(CHILDREN);
      const proportions = ctx.list(PROPORTIONS);
      if (children.length === 0) throw usageError("give the child hotkeys with --children SS58[,SS58…]");
      if (proportions.length !== children.length)
        throw usageError(
          `give one --proportions value per child: ${children.length} children, ${proportions.length} proportions`,
        );
      const fractions = proportions.map((p) => parseFraction(p, "--proportions"));
      if (fractions.reduce((s, f) => s + f, 0n) > PRICE_ONE)
        throw usageError("the --proportions add up to more than 1");
      links = children.map((c, i) => {
        const a = asAddress(c);
        if (!a) throw usageError(`--children: "${c}" is not a valid SS58 address`);
        if (a === hotkey) throw usageError("a hotkey cannot be its own child");
        return [proportionToU64(fractions[i]!), a];
      });
      if (new Set(links.map(([, a]) => a)).size !== links.length)
        throw usageError("--children names a hotkey twice");
    }
    await withChain(ctx, async (chain) => {
      const netuids = await subnetsFor(ctx, chain);
      const calls: RuntimeCall[] = netuids.map((netuid) => ({
        pallet: "SubtensorModule",
        name: "set_children",
        args: { hotkey, netuid, children: links },
      }));
      const details = revoke
        ? `Revoking every child of ${hotkey} on netuid(s) ${netuids.join(", ")}`
        : `Setting the children of ${hotkey} on netuid(s) ${netuids.join(", ")}:\n${links.map(([p, a]) => `  ${a}: ${u64ToPercent(p)}`).join("\n")}`;
      const { sent, fee } = await sendEach(
        ctx,
        chain,
        wallet,
        calls,
        "Would you like to continue?",
        details,
        revoke ? "Revoking children" : "Setting children",
      );
      const scheduled = sent.map((s) => eventsNamed(s, "SubtensorModule", "SetChildrenScheduled")[0]);
      ctx.ui.result(
        {
          success: true,
          network: chain.network.name,
          hotkey,
          netuids,
          children: links.map(([p, a]) => ({ hotkey: a, proportion: p.toString(), share: u64ToPercent(p) })),
          scheduled: scheduled.map((e, i) => ({
            netuid: netuids[i],
            cooldown_block: e ? Number(e.cooldownBlock) : null,
            applied: !e,
          })),
          fee: money(fee),
        },
        () => {
          for (const [i, e] of scheduled.entries())
            ctx.ui.success(
              e
                ? `${revoke ? "Revocation" : "Children"} on netuid ${netuids[i]} scheduled; they apply at the subnet's first epoch after the cooldown.`
                : `${revoke ? "Children revoked" : "Children set"} on netuid ${netuids[i]}.`,
            );
        },
      );
    });
  };
}

export const set = setOrRevoke(false);
export const revoke = setOrRevoke(true);

export const take: Action = async (ctx) => {
  await cryptoReady();
  const wallet = openWallet(ctx);
  const given = ctx.string(CHILD_HOTKEY);
  const child = given === undefined ? await parentHotkey(ctx, wallet) : asAddress(given);
  if (!child) throw usageError(`--child-hotkey-ss58 "${given}" is not a valid SS58 address`);
  const text = ctx.string(TAKE);
  const ppb = text === undefined ? undefined : parseFraction(text, "--take");
  if (ppb !== undefined && ppb > MAX_TAKE)
    throw usageError(`--take ${text} is above the maximum 0.18 (18 %)`);
  await withChain(ctx, async (chain) => {
    const netuids = await subnetsFor(ctx, chain);
    const current = await Promise.all(
      netuids.map((n) => chain.client.queryTyped<number>("SubtensorModule", "ChildkeyTake", [child, n])),
    );
    if (ppb === undefined) {
      const rows = netuids.map((n, i) => ({
        netuid: n,
        take: current[i]!,
        take_percent: u16ToPercent(current[i]!),
      }));
      ctx.ui.result({ network: chain.network.name, hotkey: child, takes: rows }, () => {
        for (const r of rows)
          ctx.ui.say(`Childkey take of ${child} on netuid ${r.netuid}: ${r.take_percent}`);
      });
      return;
    }
    const value = takeToU16(ppb);
    const calls: RuntimeCall[] = netuids.map((netuid) => ({
      pallet: "SubtensorModule",
      name: "set_childkey_take",
      args: { hotkey: child, netuid, take: value },
    }));
    const { fee } = await sendEach(
      ctx,
      chain,
      wallet,
      calls,
      "Would you like to continue?",
      `Setting the childkey take of ${child} to ${u16ToPercent(value)} on netuid(s) ${netuids.join(", ")}`,
      "Setting childkey take",
    );
    ctx.ui.result(
      {
        success: true,
        network: chain.network.name,
        hotkey: child,
        netuids,
        take: value,
        take_percent: u16ToPercent(value),
        fee: money(fee),
      },
      () =>
        ctx.ui.success(
          `Childkey take of ${child} set to ${u16ToPercent(value)} on netuid(s) ${netuids.join(", ")}.`,
        ),
    );
  });
};
