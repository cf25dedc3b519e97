// `tao axon set|reset`: where a hotkey's miner or validator can be reached (serve_axon, signed by the hotkey).
import { cryptoReady } from "@opentao/primitives";
import type { RuntimeCall } from "@opentao/runtime";
import { ipToInt, ipVersion } from "@opentao/sdk";
import { withChain } from "../../chain/connect.js";
import { sendCall } from "../../chain/send.js";
import type { Action, CommandContext } from "../../command.js";
import { CliError, EXIT, usageError } from "../../errors.js";
import { netuidOf, parseWhole } from "../../numbers.js";
import { hotkeypub, openWallet, unlockHotkey } from "../../wallet-access.js";
import { subnetInfo } from "../subnets/reads.js";
import { IP, IP_TYPE, PORT, PROTOCOL } from "./options.js";

async function serve(
  ctx: CommandContext,
  axon: { ip: string; ipValue: bigint; port: number; ipType: number; protocol: number },
  reset: boolean,
): Promise<void> {
  await cryptoReady();
  const netuid = netuidOf(ctx);
  const wallet = openWallet(ctx);
  const hotkey = (await hotkeypub(wallet)).ss58Address;
  await withChain(ctx, async (chain) => {
    await subnetInfo(chain.client, netuid);
    const uid = await chain.client.queryTyped<number | null>("SubtensorModule", "Uids", [netuid, hotkey]);
    if (uid === null || uid === undefined)
      throw new CliError(
        `hotkey ${hotkey} is not registered on subnet ${netuid}`,
        EXIT.failed,
        `register it with \`tao subnets register --netuid ${netuid}\``,
      );
    const call: RuntimeCall = {
      pallet: "SubtensorModule",
      name: "serve_axon",
      args: {
        netuid,
        version: 0,
        ip: axon.ipValue,
        port: axon.port,
        ipType: axon.ipType,
        protocol: axon.protocol,
        placeholder1: 0,
        placeholder2: 0,
      },
    };
    await ctx.ui.confirmAction(
      reset
        ? `Do you want to reset the axon for hotkey ${hotkey} on netuid ${netuid}?`
        : `Do you want to set the axon for hotkey ${hotkey} on netuid ${netuid} to ${axon.ip}:${axon.port}?`,
    );
    const sent = await sendCall(
      ctx,
      chain,
      await unlockHotkey(ctx, wallet),
      call,
      `Setting axon on netuid ${netuid}...`,
    );
    const message = reset ? "Axon reset successfully" : `Axon set successfully to ${axon.ip}:${axon.port}`;
    ctx.ui.result({ success: true, message, netuid, hotkey, block: sent.block ?? null }, () =>
      ctx.ui.success(message),
    );
  });
}

export const set: Action = async (ctx) => {
  const ip = ctx.string(IP);
  const portText = ctx.string(PORT);
  if (ip === undefined || portText === undefined) throw usageError("give --ip ADDRESS and --port N");
  const port = parseWhole(portText, "--port", 65535);
  if (port === 0) throw usageError("--port must be from 1 to 65535");
  const ipType = parseWhole(ctx.string(IP_TYPE)!, "--ip-type", 6);
  if (ipType !== 4 && ipType !== 6)
    throw usageError(`Invalid ip_type: ${ipType}. Must be 4 (IPv4) or 6 (IPv6).`);
  const version = ipVersion(ip);
  if (!version) throw usageError(`Invalid IP address: ${ip}`);
  if (version !== ipType) throw usageError(`IP ${ip} is IPv${version}, but --ip-type was set to ${ipType}.`);
  const protocol = parseWhole(ctx.string(PROTOCOL)!, "--protocol", 255);
  await serve(ctx, { ip, ipValue: ipToInt(ip), port, ipType, protocol }, false);
};

/** btcli's reset: IP 0.0.0.0, port 1 (the chain refuses port 0). */
export const reset: Action = (ctx) =>
  serve(ctx, { ip: "0.0.0.0", ipValue: 0n, port: 1, ipType: 4, protocol: 4 }, true);
