// `tao subnets` commands that write: create, register, start, set-identity, set-symbol.
import { cryptoReady } from "@opentao/primitives";
import type { RuntimeCall } from "@opentao/runtime";
import { money, tao } from "../../amount.js";
import { type Chain, withChain } from "../../chain/connect.js";
import { estimateFee } from "../../chain/fee.js";
import { freeBalance } from "../../chain/reads.js";
import { eventsNamed, sendCall } from "../../chain/send.js";
import type { Action, CommandContext } from "../../command.js";
import { CliError, EXIT, usageError } from "../../errors.js";
import { netuidOf } from "../../numbers.js";
import { renderTable } from "../../ui/table.js";
import { coldkeypub, hotkeypub, openWallet, unlockColdkey } from "../../wallet-access.js";
import { SUBNET_IDENTITY } from "./options.js";
import { subnetIdentity, subnetInfo, toBytes } from "./reads.js";

/** The identity flags given, as SubnetIdentityV3 bytes, or undefined when none is given. */
function identityFrom(
  ctx: CommandContext,
  base: Record<string, string> = {},
): Record<string, Uint8Array> | undefined {
  const given = SUBNET_IDENTITY.filter(({ def }) => ctx.string(def) !== undefined);
  if (given.length === 0) return undefined;
  return Object.fromEntries(
    SUBNET_IDENTITY.map(({ field, def }) => [field, toBytes(ctx.string(def) ?? base[field] ?? "")]),
  );
}

/** Signs with the wallet's coldkey after checking it can pay `cost` plus the fee. */
async function payAndSend(
  ctx: CommandContext,
  chain: Chain,
  coldkey: string,
  call: RuntimeCall,
  cost: bigint,
  label: string,
  confirm: (balance: bigint, fee: bigint) => Promise<void>,
) {
  const [balance, nonce] = await Promise.all([
    freeBalance(chain.client, coldkey),
    chain.client.nextIndex(coldkey),
  ]);
  const fee = estimateFee(chain.preset, call, nonce);
  if (balance < cost + fee) {
    throw new CliError(
      `Your balance of: ${tao(balance)} is not enough to pay ${tao(cost)} (and the fee ${tao(fee)}).`,
      EXIT.failed,
      "check it with `tao wallet balance`",
    );
  }
  await confirm(balance, fee);
  const signer = await unlockColdkey(ctx, openWallet(ctx));
  return sendCall(ctx, chain, signer, call, label);
}

export const create: Action = async (ctx) => {
  await cryptoReady();
  const wallet = openWallet(ctx);
  const [coldkey, hotkey] = [(await coldkeypub(wallet)).ss58Address, (await hotkeypub(wallet)).ss58Address];
  const identity = identityFrom(ctx);
  const call: RuntimeCall = {
    pallet: "SubtensorModule",
    name: "register_network_with_identity",
    args: { hotkey, identity },
  };
  await withChain(ctx, async (chain) => {
    const cost = BigInt(await chain.client.call<string>("subnetInfo_getLockCost"));
    const sent = await payAndSend(ctx, chain, coldkey, call, cost, "Registering subnet...", (balance) =>
      ctx.ui.confirmAction(
        `Do you want to burn ${tao(cost)} to register a subnet?`,
        `Your balance is: ${tao(balance)}`,
      ),
    );
    const netuid = eventsNamed(sent, "SubtensorModule", "NetworkAdded")[0]?.netuid as number | undefined;
    // A devnet starts new subnets at once; on a Subtensor-like chain the owner calls start_call later.
    const started =
      netuid === undefined ? null : (await subnetInfo(chain.client, netuid)).firstEmissionBlock !== null;
    ctx.ui.result(
      {
        success: true,
        netuid: netuid ?? null,
        started,
        lock_cost: money(cost),
        block: sent.block ?? null,
      },
      () => {
        if (netuid === undefined) return ctx.ui.success("Subnet registration sent.");
        ctx.ui.success(`Registered subnetwork with netuid: ${netuid}`);
        ctx.ui.say(
          started
            ? `Subnet ${netuid} is already started (this chain starts new subnets at once): no \`tao subnets start\` needed.`
            : `Start its emission with \`tao subnets start --netuid ${netuid}\` once the start delay has passed (see \`tao subnets check-start --netuid ${netuid}\`).`,
        );
      },
    );
  });
};

export const register: Action = async (ctx) => {
  await cryptoReady();
  const netuid = netuidOf(ctx);
  const wallet = openWallet(ctx);
  const [coldkey, hotkey] = [(await coldkeypub(wallet)).ss58Address, (await hotkeypub(wallet)).ss58Address];
  if (netuid === 0) throw usageError("the root subnet (0) takes no burned registrations");
  await withChain(ctx, async (chain) => {
    const info = await subnetInfo(chain.client, netuid);
    const burn = BigInt(await chain.client.queryTyped<string>("SubtensorModule", "Burn", [netuid]));
    const uid = await chain.client.queryTyped<number | null>("SubtensorModule", "Uids", [netuid, hotkey]);
    if (uid !== null && uid !== undefined)
      throw new CliError(
        `hotkey ${hotkey} is already registered on subnet ${netuid} with UID ${uid}`,
        EXIT.failed,
        "use another hotkey (--hotkey NAME)",
      );
    const call: RuntimeCall = {
      pallet: "SubtensorModule",
      name: "burned_register",
      args: { netuid, hotkey },
    };
    const sent = await payAndSend(
      ctx,
      chain,
      coldkey,
      call,
      burn,
      "Recycling TAO for Registration...",
      (balance) =>
        ctx.ui.confirmAction(
          "Do you want to continue?",
          [
            renderTable({
              title: `Register to netuid: ${netuid}\nNetwork: ${chain.network.name}`,
              columns: [
                { header: "Netuid", align: "right" },
                { header: "Symbol" },
                { header: "Cost (τ)", align: "right" },
                { header: "Hotkey" },
                { header: "Coldkey" },
              ],
              rows: [[String(netuid), info.tokenSymbol, tao(burn), hotkey, coldkey]],
            }),
            `Your balance is: ${tao(balance)}`,
            `The cost to register by recycle is ${tao(burn)}.`,
          ].join("\n"),
          false,
        ),
    );
    const registered = eventsNamed(sent, "SubtensorModule", "NeuronRegistered")[0];
    const newUid = registered?.uid as number | undefined;
    // The burn moves block by block; what was paid is the transfer into the subnet's pool.
    const paid = eventsNamed(sent, "Balances", "Transfer").find((t) => t.from === coldkey)?.amount;
    const cost = paid === undefined ? burn : BigInt(paid as string);
    ctx.ui.result(
      { success: true, netuid, uid: newUid ?? null, hotkey, cost: money(cost), block: sent.block ?? null },
      () =>
        ctx.ui.success(
          newUid === undefined ? "Registration sent." : `Registered on netuid ${netuid} with UID ${newUid}`,
        ),
    );
  });
};

export const start: Action = async (ctx) => {
  await cryptoReady();
  const netuid = netuidOf(ctx);
  const wallet = openWallet(ctx);
  const coldkey = (await coldkeypub(wallet)).ss58Address;
  await withChain(ctx, async (chain) => {
    const info = await subnetInfo(chain.client, netuid);
    if (info.owner !== coldkey)
      throw new CliError(
        `This wallet doesn't own the specified subnet ${netuid} (owner ${info.owner}).`,
        EXIT.failed,
        "use the owner's wallet (--wallet-name)",
      );
    if (info.firstEmissionBlock !== null)
      throw new CliError(`Subnet ${netuid} has already been started (block ${info.firstEmissionBlock}).`);
    const call: RuntimeCall = { pallet: "SubtensorModule", name: "start_call", args: { netuid } };
    const sent = await payAndSend(ctx, chain, coldkey, call, 0n, "Starting subnet...", () =>
      ctx.ui.confirmAction(`Are you sure you want to start subnet ${netuid}'s emission schedule?`),
    );
    ctx.ui.result({ success: true, netuid, block: sent.block ?? null }, () =>
      ctx.ui.success(`Successfully started subnet ${netuid}'s emission schedule.`),
    );
  });
};

export const setIdentity: Action = async (ctx) => {
  await cryptoReady();
  const netuid = netuidOf(ctx);
  const wallet = openWallet(ctx);
  const coldkey = (await coldkeypub(wallet)).ss58Address;
  await withChain(ctx, async (chain) => {
    const info = await subnetInfo(chain.client, netuid);
    if (info.owner !== coldkey)
      throw new CliError(
        `This wallet doesn't own subnet ${netuid} (owner ${info.owner}).`,
        EXIT.failed,
        "use the owner's wallet (--wallet-name)",
      );
    const identity = identityFrom(ctx, (await subnetIdentity(chain.client, netuid)) ?? {});
    if (!identity) throw usageError("give at least one field, e.g. --subnet-name NAME (see --help)");
    const call: RuntimeCall = {
      pallet: "SubtensorModule",
      name: "set_subnet_identity",
      args: { netuid, identity },
    };
    const sent = await payAndSend(ctx, chain, coldkey, call, 0n, "Setting subnet identity...", () =>
      ctx.ui.confirmAction(`Are you sure you want to set subnet ${netuid}'s identity?`),
    );
    const now = await subnetIdentity(chain.client, netuid);
    ctx.ui.result({ success: true, netuid, identity: now, block: sent.block ?? null }, () =>
      ctx.ui.success(`Successfully set identity for subnet ${netuid}.`),
    );
  });
};

export const setSymbol: Action = async (ctx) => {
  await cryptoReady();
  const netuid = netuidOf(ctx);
  const symbol = ctx.args[0];
  if (!symbol) throw usageError("give the new symbol: `tao subnets set-symbol --netuid N SYMBOL`");
  const wallet = openWallet(ctx);
  const coldkey = (await coldkeypub(wallet)).ss58Address;
  await withChain(ctx, async (chain) => {
    const info = await subnetInfo(chain.client, netuid);
    if (info.owner !== coldkey)
      throw new CliError(
        `This wallet doesn't own subnet ${netuid} (owner ${info.owner}).`,
        EXIT.failed,
        "use the owner's wallet (--wallet-name)",
      );
    const call: RuntimeCall = {
      pallet: "SubtensorModule",
      name: "update_symbol",
      args: { netuid, symbol: toBytes(symbol) },
    };
    const sent = await payAndSend(ctx, chain, coldkey, call, 0n, "Updating symbol...", () =>
      ctx.ui.confirmAction(
        `Your current subnet symbol for SN${netuid} is ${info.tokenSymbol}. Do you want to update it to ${symbol}?`,
      ),
    );
    ctx.ui.result({ success: true, netuid, symbol, block: sent.block ?? null }, () =>
      ctx.ui.success(`Successfully updated SN${netuid}'s symbol to ${symbol}.`),
    );
  });
};
