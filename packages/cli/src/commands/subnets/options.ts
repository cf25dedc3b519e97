import type { OptionDef } from "../../options.js";

const text = (flags: string, aliases: string[], description: string): OptionDef => ({
  flags,
  aliases,
  description,
});

/** btcli's subnet identity flags, each with the field of SubnetIdentityV3 it fills. */
export const SUBNET_IDENTITY: readonly { field: string; def: OptionDef }[] = [
  { field: "subnetName", def: text("--subnet-name <name>", ["--sn-name"], "name of the subnet") },
  { field: "githubRepo", def: text("--github-repo <url>", ["--repo"], "GitHub repository URL") },
  {
    field: "subnetContact",
    def: text("--subnet-contact <contact>", ["--contact", "--email"], "contact (e.g. email)"),
  },
  { field: "subnetUrl", def: text("--subnet-url <url>", ["--url"], "subnet URL") },
  { field: "discord", def: text("--discord-handle <handle>", ["--discord"], "Discord handle") },
  { field: "description", def: text("--description <text>", [], "description") },
  { field: "logoUrl", def: text("--logo-url <url>", [], "logo URL") },
  { field: "additional", def: text("--additional-info <text>", [], "additional information") },
];

export const NETUIDS: OptionDef = {
  flags: "--netuids <netuids>",
  aliases: ["--netuid", "-n"],
  description: "netuids, separated by commas (default: all)",
};

export const ALL_NETUIDS: OptionDef = {
  flags: "--all-netuids",
  aliases: ["--all"],
  description: "every subnet",
};

export const CURRENT_ONLY: OptionDef = {
  flags: "--current",
  description: "only the current price (the only one a devnet keeps)",
};
