// `tao sudo set | get | set-take | get-take`: subnet hyperparameters through AdminUtils (the owner signs;
// root-only ones go through Sudo.sudo and need the sudo key), and a hotkey's delegate take.
import { cryptoReady } from "@opentao/primitives";
import { callTable, type RuntimeCall } from "@opentao/runtime";
import { money, tao } from "../../amount.js";
import { type Chain, withChain } from "../../chain/connect.js";
import { explainDispatchError } from "../../chain/error-hints.js";
import { estimateFee } from "../../chain/fee.js";
import { hotkeyOwner } from "../../chain/reads.js";
import { eventsNamed, sendCall } from "../../chain/send.js";
import type { Action } from "../../command.js";
import { HOTKEY } from "../../common-options.js";
import { CliError, EXIT, usageError } from "../../errors.js";
import { renderTable } from "../../ui/table.js";
import { coldkeypub, hotkeypub, openWallet, unlockColdkey } from "../../wallet-access.js";
import { MAX_TAKE, takeToU16, u16ToPercent } from "../stake/children.js";
import { asAddress, parseFraction, parseNetuid } from "../stake/shared.js";
import { NETUID, PARAM, TAKE, VALUE } from "./options.js";
import { HYPERPARAMS, snakeCase } from "./params.js";

/** A setter's arguments decoded from all-zero and all-one bytes: each field's type and its largest value. */
function argumentShape(def: { args: { dec: (b: Uint8Array) => unknown } }) {
  const zero = def.args.dec(new Uint8Array(256)) as Record<string, unknown>;
  let max: Record<string, unknown> = {};
  try {
    max = def.args.dec(new Uint8Array(256).fill(0xff)) as Record<string, unknown>;
  } catch {
    // A bool field rejects 0xff; it needs no bound.
  }
  return { zero, max };
}

function parseValue(text: string, zero: unknown, max: unknown, param: string): unknown {
  const t = text.trim();
  if (typeof zero === "boolean") {
    const v = { true: true, "1": true, false: false, "0": false }[t.toLowerCase()];
    if (v === undefined) throw usageError(`${param} takes true or false, got "${text}"`);
    return v;
  }
  if (typeof zero === "string") {
    const a = asAddress(t);
    if (!a) throw usageError(`${param} takes an SS58 address, got "${text}"`);
    return a;
  }
  if (!/^\d+$/.test(t)) throw usageError(`${param} takes a whole number, got "${text}"`);
  const n = BigInt(t);
  if (max !== undefined && n > BigInt(max as bigint))
    throw usageError(`${param} is at most ${max}, got ${text}`);
  return typeof zero === "bigint" ? n : Number(n);
}

async function sudoKey(chain: Chain): Promise<string | undefined> {
  const key = await chain.client.queryTyped<string | null>("Sudo", "Key", []);
  return key ?? undefined;
}

export const set: Action = async (ctx) => {
  await cryptoReady();
  const netuid = parseNetuid(ctx.string(NETUID), "--netuid");
  const param = ctx.string(PARAM);
  if (param === undefined)
    throw usageError(
      "give the hyperparameter with --param NAME",
      "see the names with `tao sudo get --netuid N`",
    );
  const entry = HYPERPARAMS[param];
  const def = entry && callTable().lookup("AdminUtils", entry.call)?.def;
  if (!entry || !def) {
    const known = Object.keys(HYPERPARAMS).filter((k) =>
      callTable().lookup("AdminUtils", HYPERPARAMS[k]!.call),
    );
    throw usageError(
      `--param "${param}" is not a hyperparameter this chain can set`,
      `use one of: ${known.join(", ")}`,
    );
  }
  const text = ctx.string(VALUE);
  if (text === undefined) throw usageError(`give the new value with --value`);
  const { zero, max } = argumentShape(def);
  const fields = Object.keys(zero).filter((k) => k !== "netuid");
  const parts = fields.length > 1 ? text.split(",") : [text];
  if (parts.length !== fields.length)
    throw usageError(
      `${param} takes ${fields.length} values separated by a comma (${fields.join(", ")}), got "${text}"`,
    );
  const args: Record<string, unknown> = { netuid };
  for (const [i, field] of fields.entries())
    args[field] = parseValue(parts[i]!, zero[field], max[field], param);
  const inner: RuntimeCall = { pallet: "AdminUtils", name: entry.call, args };
  const wallet = openWallet(ctx);
  const coldkey = (await coldkeypub(wallet)).ss58Address;

  await withChain(ctx, async (chain) => {
    const [owner, key] = await Promise.all([
      chain.client.queryTyped<string>("SubtensorModule", "SubnetOwner", [netuid]),
      sudoKey(chain),
      chain.client.call("subnetInfo_getSubnetHyperparams", [netuid]).catch(() => {
        throw new CliError(
          `subnet ${netuid} does not exist`,
          EXIT.usage,
          "list subnets with `tao subnets list`",
        );
      }),
    ]);
    const asRoot = entry.who === "root" || (entry.who === "either" && owner !== coldkey);
    if (asRoot && key !== coldkey)
      throw new CliError(
        entry.who === "either"
          ? `${param} is set by the subnet owner's coldkey or the chain's sudo key, and wallet "${wallet.name}" (${coldkey}) holds neither`
          : `${param} is set by the chain's sudo key only, and wallet "${wallet.name}" (${coldkey}) does not hold it`,
        EXIT.failed,
        entry.who === "either"
          ? `subnet ${netuid} is owned by ${owner} and the sudo key is ${key}; use one of their wallets (--wallet-name)`
          : `the sudo key is ${key}; use its wallet (--wallet-name)`,
      );
    if (!asRoot && owner !== coldkey)
      throw new CliError(
        "This wallet doesn't own the specified subnet.",
        EXIT.failed,
        `subnet ${netuid} is owned by ${owner}; use its wallet (--wallet-name)`,
      );
    const call: RuntimeCall = asRoot ? { pallet: "Sudo", name: "sudo", args: { call: inner } } : inner;
    const fee = estimateFee(chain.preset, call, await chain.client.nextIndex(coldkey));
    await ctx.ui.confirmAction(
      "Would you like to continue?",
      `Setting hyperparameter ${param} to ${text} on subnet ${netuid}${asRoot ? " as root (Sudo.sudo)" : ""}\n  call: AdminUtils.${entry.call}\n  extrinsic fee: ${tao(fee)}`,
    );
    const signer = await unlockColdkey(ctx, wallet);
    const sent = await sendCall(ctx, chain, signer, call, `Setting hyperparameter ${param}`);
    const sudid = eventsNamed(sent, "Sudo", "Sudid")[0] as
      | { sudoResult?: { err?: { name?: string } } }
      | undefined;
    const err = sudid?.sudoResult?.err;
    if (err) {
      const { message, hint } = explainDispatchError(err.name ?? "unknown");
      throw new CliError(`AdminUtils.${entry.call} failed as root: ${message}`, EXIT.failed, hint);
    }
    const after = await chain.client.call<Record<string, unknown>>("subnetInfo_getSubnetHyperparams", [
      netuid,
    ]);
    const shown = Object.entries(after).find(([k]) => snakeCase(k) === param)?.[1];
    ctx.ui.result(
      {
        success: true,
        network: chain.network.name,
        netuid,
        param,
        call: `AdminUtils.${entry.call}`,
        value: args,
        now: shown ?? null,
        fee: money(fee),
        block: sent.block ?? null,
      },
      () => ctx.ui.success(`Hyperparameter ${param} changed to ${text} on subnet ${netuid}.`),
    );
  });
};

export const get: Action = async (ctx) => {
  const netuid = parseNetuid(ctx.string(NETUID), "--netuid");
  await withChain(ctx, async (chain) => {
    let params: Record<string, unknown>;
    try {
      params = await chain.client.call<Record<string, unknown>>("subnetInfo_getSubnetHyperparams", [netuid]);
    } catch {
      throw new CliError(
        `subnet ${netuid} does not exist`,
        EXIT.usage,
        "list subnets with `tao subnets list`",
      );
    }
    const rows = Object.entries(params)
      .map(([k, v]) => ({ name: snakeCase(k), value: v, settable: HYPERPARAMS[snakeCase(k)]?.who ?? null }))
      .sort((a, b) => a.name.localeCompare(b.name));
    ctx.ui.result(
      {
        network: chain.network.name,
        netuid,
        hyperparameters: Object.fromEntries(rows.map((r) => [r.name, r.value])),
      },
      () =>
        ctx.ui.say(
          renderTable({
            title: `Subnet Hyperparameters\nNETUID: ${netuid} - Network: ${chain.network.name}`,
            columns: [
              { header: "HYPERPARAMETER" },
              { header: "VALUE", align: "right" },
              { header: "SET BY" },
            ],
            rows: rows.map((r) => [
              r.name,
              String(r.value),
              r.settable === "owner"
                ? "owner"
                : r.settable === "root"
                  ? "root (sudo)"
                  : r.settable === "either"
                    ? "owner or root"
                    : "-",
            ]),
          }),
        ),
    );
  });
};

async function delegateTake(chain: Chain, hotkey: string): Promise<number> {
  return chain.client.queryTyped<number>("SubtensorModule", "Delegates", [hotkey]);
}

export const getTake: Action = async (ctx) => {
  await cryptoReady();
  const wallet = openWallet(ctx);
  const hotkey = asAddress(ctx.string(HOTKEY)!) ?? (await hotkeypub(wallet)).ss58Address;
  await withChain(ctx, async (chain) => {
    const take = await delegateTake(chain, hotkey);
    ctx.ui.result({ network: chain.network.name, hotkey, take, take_percent: u16ToPercent(take) }, () =>
      ctx.ui.say(`Current take of ${hotkey} is ${u16ToPercent(take)}.`),
    );
  });
};

export const setTake: Action = async (ctx) => {
  await cryptoReady();
  const text = ctx.string(TAKE);
  if (text === undefined) throw usageError("give the new take with --take, e.g. --take 0.09 for 9 %");
  const ppb = parseFraction(text, "--take");
  if (ppb > MAX_TAKE) throw usageError(`Take value must be between 0 and 0.18. Provided value: ${text}`);
  const value = takeToU16(ppb);
  const wallet = openWallet(ctx);
  const coldkey = (await coldkeypub(wallet)).ss58Address;
  const hotkey = (await hotkeypub(wallet)).ss58Address;
  await withChain(ctx, async (chain) => {
    const owner = await hotkeyOwner(chain.client, hotkey);
    if (owner !== coldkey)
      throw new CliError(
        owner
          ? `hotkey ${hotkey} belongs to another coldkey (${owner})`
          : `hotkey ${hotkey} is not registered on the chain`,
        EXIT.failed,
        owner ? "use the owning wallet" : "register it first with `tao subnets register`",
      );
    const current = await delegateTake(chain, hotkey);
    if (current === value) {
      ctx.ui.result(
        {
          success: true,
          network: chain.network.name,
          hotkey,
          take: value,
          take_percent: u16ToPercent(value),
          changed: false,
        },
        () => ctx.ui.say("Nothing to do, take hasn't changed"),
      );
      return;
    }
    const name = value > current ? "increase_take" : "decrease_take";
    const call: RuntimeCall = { pallet: "SubtensorModule", name, args: { hotkey, take: value } };
    await ctx.ui.confirmAction(
      "Would you like to continue?",
      `Current take is ${u16ToPercent(current)}. ${value > current ? "Increasing" : "Decreasing"} to ${u16ToPercent(value)}.`,
    );
    const signer = await unlockColdkey(ctx, wallet);
    const sent = await sendCall(ctx, chain, signer, call, "Setting the take");
    const now = await delegateTake(chain, hotkey);
    ctx.ui.result(
      {
        success: true,
        network: chain.network.name,
        hotkey,
        previous: current,
        take: now,
        take_percent: u16ToPercent(now),
        changed: true,
        block: sent.block ?? null,
      },
      () => ctx.ui.success(`Take of ${hotkey} set to ${u16ToPercent(now)}.`),
    );
  });
};
