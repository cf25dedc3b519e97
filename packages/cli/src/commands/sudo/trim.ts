// `tao sudo trim`: AdminUtils sudo_trim_to_max_allowed_uids — the subnet owner (or the sudo key, through
// Sudo.sudo) lowers MaxAllowedUids and the chain drops the lowest-emission neurons that are not immune.
import { cryptoReady } from "@opentao/primitives";
import type { RuntimeCall } from "@opentao/runtime";
import { money, tao } from "../../amount.js";
import { withChain } from "../../chain/connect.js";
import { explainDispatchError } from "../../chain/error-hints.js";
import { estimateFee } from "../../chain/fee.js";
import { eventsNamed, sendCall } from "../../chain/send.js";
import type { Action } from "../../command.js";
import { CliError, EXIT, usageError } from "../../errors.js";
import { parseWhole } from "../../numbers.js";
import { coldkeypub, openWallet, unlockColdkey } from "../../wallet-access.js";
import { parseNetuid } from "../stake/shared.js";
import { MAX_UIDS, NETUID } from "./options.js";

export const trim: Action = async (ctx) => {
  await cryptoReady();
  const netuid = parseNetuid(ctx.string(NETUID), "--netuid");
  const text = ctx.string(MAX_UIDS);
  if (text === undefined) throw usageError("give the new maximum number of uids with --max N");
  const maxN = parseWhole(text, "--max", 65535);
  const wallet = openWallet(ctx);
  const coldkey = (await coldkeypub(wallet)).ss58Address;
  await withChain(ctx, async (chain) => {
    const q = <T>(item: string, keys: unknown[]) => chain.client.queryTyped<T>("SubtensorModule", item, keys);
    const [exists, owner, key, min, max, neurons] = await Promise.all([
      q<boolean>("NetworksAdded", [netuid]),
      q<string>("SubnetOwner", [netuid]),
      chain.client.queryTyped<string | null>("Sudo", "Key", []),
      q<number>("MinAllowedUids", [netuid]),
      q<number>("MaxAllowedUids", [netuid]),
      q<number>("SubnetworkN", [netuid]),
    ]);
    if (!exists)
      throw new CliError(
        `subnet ${netuid} does not exist`,
        EXIT.usage,
        "list subnets with `tao subnets list`",
      );
    if (owner !== coldkey && key !== coldkey)
      throw new CliError(
        "This wallet doesn't own the specified subnet.",
        EXIT.failed,
        `subnet ${netuid} is owned by ${owner}; use its wallet (--wallet-name)`,
      );
    if (maxN < min || maxN > max)
      throw usageError(
        `--max ${maxN} is outside subnet ${netuid}'s bounds: from MinAllowedUids ${min} to the current MaxAllowedUids ${max}`,
        "trimming only lowers MaxAllowedUids; see `tao sudo get --netuid N`",
      );
    const inner: RuntimeCall = {
      pallet: "AdminUtils",
      name: "sudo_trim_to_max_allowed_uids",
      args: { netuid, maxN },
    };
    const asRoot = owner !== coldkey;
    const call: RuntimeCall = asRoot ? { pallet: "Sudo", name: "sudo", args: { call: inner } } : inner;
    const fee = estimateFee(chain.preset, call, await chain.client.nextIndex(coldkey));
    await ctx.ui.confirmAction(
      `You are about to trim UIDs on SN${netuid} to a limit of ${maxN}. Continue?`,
      [
        `Subnet ${netuid}: ${neurons} neurons, MaxAllowedUids ${max} → ${maxN}${asRoot ? " (as root, Sudo.sudo)" : ""}`,
        neurons > maxN
          ? `  ${neurons - maxN} neurons with the lowest emission (not immune) lose their uid; the rest are renumbered`
          : "  no neuron loses its uid",
        `  extrinsic fee: ${tao(fee)}`,
      ].join("\n"),
      false,
    );
    const signer = await unlockColdkey(ctx, wallet);
    const sent = await sendCall(ctx, chain, signer, call, `Trimming UIDs on SN${netuid}`);
    const err = (
      eventsNamed(sent, "Sudo", "Sudid")[0] as { sudoResult?: { err?: { name?: string } } } | undefined
    )?.sudoResult?.err;
    if (err) {
      const { message, hint } = explainDispatchError(err.name ?? "unknown");
      throw new CliError(
        `AdminUtils.sudo_trim_to_max_allowed_uids failed as root: ${message}`,
        EXIT.failed,
        hint,
      );
    }
    const after = await q<number>("SubnetworkN", [netuid]);
    ctx.ui.result(
      {
        success: true,
        network: chain.network.name,
        netuid,
        max_uids: maxN,
        previous_max_uids: max,
        neurons_before: neurons,
        neurons_after: after,
        fee: money(fee),
        block: sent.block ?? null,
      },
      () =>
        ctx.ui.success(`Successfully trimmed UIDs on SN${netuid} to ${maxN} (${neurons} → ${after} neurons)`),
    );
  });
};
