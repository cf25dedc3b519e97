// Whole numbers typed on the command line (netuids, uids, ports), checked with errors that name the flag.
import type { CommandContext } from "./command.js";
import { NETUID } from "./common-options.js";
import { usageError } from "./errors.js";

export function parseWhole(text: string, flag: string, max: number): number {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) > max)
    throw usageError(`${flag} must be a whole number from 0 to ${max}, got "${text}"`);
  return Number(t);
}

/** --netuid, required. */
export function netuidOf(ctx: CommandContext, def = NETUID): number {
  const text = ctx.string(def);
  if (text === undefined) throw usageError("give the subnet with --netuid N (see `tao subnets list`)");
  return parseWhole(text, "--netuid", 65535);
}

/** A comma-separated list of whole numbers, e.g. --uids 0,1,2. */
export function parseWholeList(text: string, flag: string, max: number): number[] {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((t) => parseWhole(t, flag, max));
}
