// `tao stake auto` and `tao stake set-auto`: the hotkey a coldkey's miner incentive is staked to on each
// subnet (Subtensor's AutoStakeDestination; without one it stays on the miner's own hotkey).
import { cryptoReady } from "@opentao/primitives";
import { money, tao } from "../../amount.js";
import { withChain } from "../../chain/connect.js";
import { estimateFee } from "../../chain/fee.js";
import { sendCall } from "../../chain/send.js";
import type { Action } from "../../command.js";
import { NETUID } from "../../common-options.js";
import { CliError, EXIT, usageError } from "../../errors.js";
import { netuidOf } from "../../numbers.js";
import { renderTable } from "../../ui/table.js";
import { coldkeypub, openWallet, unlockColdkey } from "../../wallet-access.js";
import { subnetIdentity } from "../subnets/reads.js";
import { AUTO_STAKE_HOTKEY } from "./options.js";
import { asAddress, coldkeyToShow, poolIn, pools } from "./shared.js";

type Client = Parameters<typeof subnetIdentity>[0];

const destinationOf = (client: Client, coldkey: string, netuid: number) =>
  client.queryTyped<string | null>("SubtensorModule", "AutoStakeDestination", [coldkey, netuid]);

const subnetName = async (client: Client, netuid: number) =>
  (await subnetIdentity(client, netuid))?.subnetName || (netuid === 0 ? "root" : "");

export const auto: Action = async (ctx) => {
  await cryptoReady();
  const { coldkey, name } = await coldkeyToShow(ctx);
  await withChain(ctx, async (chain) => {
    const stop = ctx.ui.busy("Retrieving auto-stake destinations");
    const rows = await (async () => {
      const netuids = [...(await pools(chain.client)).keys()].sort((a, b) => a - b);
      return Promise.all(
        netuids.map(async (netuid) => {
          const [subnet_name, destination] = await Promise.all([
            subnetName(chain.client, netuid),
            destinationOf(chain.client, coldkey, netuid),
          ]);
          return { netuid, subnet_name, status: destination ? "custom" : "default", destination };
        }),
      );
    })().finally(stop);
    const custom = rows.filter((r) => r.destination).length;
    ctx.ui.result({ network: chain.network.name, coldkey, subnets: rows }, () => {
      ctx.ui.say(
        renderTable({
          title: `Auto-stake destinations of ${name}\nNetwork: ${chain.network.name}\nColdkey: ${coldkey}`,
          columns: [
            { header: "Netuid", align: "right" },
            { header: "Subnet" },
            { header: "Status" },
            { header: "Destination hotkey" },
          ],
          rows: rows.map((r) => [
            String(r.netuid),
            r.subnet_name,
            r.destination ? "Custom" : "Default",
            r.destination ?? "(the miner's own hotkey)",
          ]),
        }),
      );
      ctx.ui.say(`Total subnets: ${rows.length}  Custom destinations: ${custom}`);
    });
  });
};

export const setAuto: Action = async (ctx) => {
  await cryptoReady();
  const netuid = netuidOf(ctx, NETUID);
  const text = ctx.string(AUTO_STAKE_HOTKEY);
  if (text === undefined) throw usageError("give the destination hotkey with --hotkey-ss58 SS58");
  const hotkey = asAddress(text);
  if (!hotkey) throw usageError(`--hotkey-ss58 "${text}" is not a valid SS58 address`);
  const wallet = openWallet(ctx);
  const coldkey = (await coldkeypub(wallet)).ss58Address;
  await withChain(ctx, async (chain) => {
    poolIn(await pools(chain.client), netuid);
    const [uid, current, name] = await Promise.all([
      chain.client.queryTyped<number | null>("SubtensorModule", "Uids", [netuid, hotkey]),
      destinationOf(chain.client, coldkey, netuid),
      subnetName(chain.client, netuid),
    ]);
    if (uid === null) {
      throw usageError(
        `hotkey ${hotkey} is not registered on subnet ${netuid}`,
        "the destination must hold a uid there; see `tao subnets show --netuid N`",
      );
    }
    if (current === hotkey) {
      throw new CliError(`${hotkey} is already the auto-stake destination on subnet ${netuid}`, EXIT.failed);
    }
    const call = {
      pallet: "SubtensorModule",
      name: "set_coldkey_auto_stake_hotkey",
      args: { netuid, hotkey },
    };
    const fee = estimateFee(chain.preset, call, await chain.client.nextIndex(coldkey));
    await ctx.ui.confirmAction(
      "Set this auto-stake destination?",
      [
        `Subnet ${netuid}${name ? ` (${name})` : ""}: miner incentive of ${coldkey}`,
        `  now staked to: ${current ?? "each miner's own hotkey"}`,
        `  new destination: ${hotkey} (uid ${uid})`,
        `  extrinsic fee: ${tao(fee)}`,
      ].join("\n"),
    );
    const signer = await unlockColdkey(ctx, wallet);
    const sent = await sendCall(ctx, chain, signer, call, "Setting the auto-stake destination");
    ctx.ui.result(
      {
        success: true,
        network: chain.network.name,
        coldkey,
        netuid,
        hotkey,
        previous: current,
        fee: money(fee),
        block: sent.block ?? null,
      },
      () => ctx.ui.success(`Auto-stake destination set for netuid ${netuid}: ${hotkey}`),
    );
  });
};
