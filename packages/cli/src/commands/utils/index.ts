import type { Command } from "commander";
import { defineCommand } from "../../command.js";
import { NETWORK } from "../../common-options.js";
import type { OptionDef } from "../../options.js";

export const FROM_RAO: OptionDef = {
  flags: "--rao <amount>",
  description: "convert an amount of rao to TAO",
};
export const FROM_TAO: OptionDef = {
  flags: "--tao <amount>",
  description: "convert an amount of TAO to rao",
};

export function registerUtils(program: Command): void {
  const utils = program.command("utils").summary("conversions and other small tools");
  defineCommand(utils, {
    name: "convert",
    summary: "convert between TAO and rao (1 TAO = 10^9 rao)",
    options: [FROM_RAO, FROM_TAO],
    action: () => import("./convert.js").then((m) => m.convert),
    examples: ["tao utils convert --rao 1500000000", "tao utils convert --tao 1.5 --json"],
  });
  defineCommand(utils, {
    name: "latency",
    summary: "measure the latency to the default network and to each --network given",
    options: [NETWORK],
    action: () => import("./latency.js").then((m) => m.latency),
    examples: ["tao utils latency --network ws://10.0.0.5:9944 --network ws://10.0.0.6:9944"],
  });
}
