// `tao weights set|commit|reveal`: a validator hotkey's weights, directly or by commit and reveal.
import { cryptoReady } from "@opentao/primitives";
import { type RuntimeCall, weightCommitHash } from "@opentao/runtime";
import { convertWeightsAndUidsForEmit } from "@opentao/sdk";
import { type Chain, withChain } from "../../chain/connect.js";
import { sendCall } from "../../chain/send.js";
import type { Action, CommandContext } from "../../command.js";
import { CliError, EXIT, usageError } from "../../errors.js";
import { netuidOf, parseWholeList } from "../../numbers.js";
import { hotkeypub, openWallet, unlockHotkey } from "../../wallet-access.js";
import { subnetInfo } from "../subnets/reads.js";
import { SALT, UIDS, WEIGHTS } from "./options.js";

type Kind = "set" | "commit" | "reveal";

/** --uids and --weights as btcli reads them, normalised to u16 exactly as bittensor does. */
function weightsOf(ctx: CommandContext): { uids: number[]; values: number[] } {
  const uidsText = ctx.string(UIDS);
  const weightsText = ctx.string(WEIGHTS);
  if (uidsText === undefined || weightsText === undefined)
    throw usageError("give --uids 0,1,… and --weights 0.5,0.5,… (one weight per uid)");
  const uids = parseWholeList(uidsText, "--uids", 65535);
  const weights = weightsText
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((w) => {
      const x = Number(w);
      if (!Number.isFinite(x) || x < 0)
        throw usageError(`--weights must be non-negative numbers, got "${w}"`);
      if (!Number.isFinite(Math.fround(x)))
        throw usageError(`--weights "${w}" is too large: weights are normalised as 32-bit floats`);
      return x;
    });
  if (uids.length !== weights.length)
    throw usageError(
      `--uids has ${uids.length} values and --weights ${weights.length}; give one weight per uid`,
    );
  if (new Set(uids).size !== uids.length) throw usageError("--uids lists a uid twice");
  // bittensor casts to float32 before normalising; so do we, for the same u16 values.
  const out = convertWeightsAndUidsForEmit(uids, Float32Array.from(weights));
  return { uids: out.uids, values: out.weights };
}

function saltOf(ctx: CommandContext): number[] {
  const text = ctx.string(SALT);
  if (text === undefined)
    throw usageError("give the salt with --salt 1,2,3 (keep it: reveal needs the same salt)");
  const salt = parseWholeList(text, "--salt", 65535);
  if (salt.length === 0) throw usageError("--salt needs at least one number");
  return salt;
}

async function run(ctx: CommandContext, kind: Kind): Promise<void> {
  await cryptoReady();
  const netuid = netuidOf(ctx);
  const { uids, values } = weightsOf(ctx);
  const salt = kind === "set" ? [] : saltOf(ctx);
  const wallet = openWallet(ctx);
  const hotkey = (await hotkeypub(wallet)).ss58Address;
  await withChain(ctx, async (chain: Chain) => {
    await subnetInfo(chain.client, netuid);
    const uid = await chain.client.queryTyped<number | null>("SubtensorModule", "Uids", [netuid, hotkey]);
    if (uid === null || uid === undefined)
      throw new CliError(
        `hotkey ${hotkey} is not registered on subnet ${netuid}`,
        EXIT.failed,
        `register it with \`tao subnets register --netuid ${netuid}\``,
      );
    const params = await chain.client.call<{ weightsVersion: string }>("subnetInfo_getSubnetHyperparams", [
      netuid,
    ]);
    const versionKey = BigInt(params.weightsVersion);
    const commitHash = weightCommitHash({ hotkey, netuidIndex: netuid, uids, values, salt, versionKey });
    const calls: Record<Kind, RuntimeCall> = {
      set: {
        pallet: "SubtensorModule",
        name: "set_weights",
        args: { netuid, dests: uids, weights: values, versionKey },
      },
      commit: { pallet: "SubtensorModule", name: "commit_weights", args: { netuid, commitHash } },
      reveal: {
        pallet: "SubtensorModule",
        name: "reveal_weights",
        args: { netuid, uids, values, salt, versionKey },
      },
    };
    const verb = { set: "Set", commit: "Commit", reveal: "Reveal" }[kind];
    await ctx.ui.confirmAction(
      `${verb} these weights on subnet ${netuid}?`,
      `  uids: ${uids.join(", ")}\n  weights (u16): ${values.join(", ")}${kind === "set" ? "" : `\n  salt: ${salt.join(", ")}`}`,
    );
    const sent = await sendCall(
      ctx,
      chain,
      await unlockHotkey(ctx, wallet),
      calls[kind],
      `${verb} weights...`,
    );
    ctx.ui.result(
      {
        success: true,
        netuid,
        uid,
        uids,
        weights: values,
        ...(kind === "set" ? {} : { salt }),
        ...(kind === "commit" ? { commit_hash: commitHash } : {}),
        version_key: versionKey,
        block: sent.block ?? null,
      },
      () =>
        ctx.ui.success(
          kind === "commit"
            ? `Weights committed with hash ${commitHash}. Reveal them with the same --uids, --weights and --salt.`
            : `Weights ${kind === "set" ? "set" : "revealed"} on subnet ${netuid}.`,
        ),
    );
  });
}

export const set: Action = (ctx) => run(ctx, "set");
export const commit: Action = (ctx) => run(ctx, "commit");
export const reveal: Action = (ctx) => run(ctx, "reveal");
