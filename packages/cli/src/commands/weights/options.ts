import type { OptionDef } from "../../options.js";

export const UIDS: OptionDef = {
  flags: "-u, --uids <uids>",
  description: "uids, separated by commas, e.g. 0,1,2",
};
export const WEIGHTS: OptionDef = {
  flags: "-w, --weights <weights>",
  description: "one weight per uid, separated by commas, e.g. 0.5,0.3,0.2 (normalised as bittensor does)",
};
export const SALT: OptionDef = {
  flags: "-s, --salt <salt>",
  description: "numbers (0–65535) separated by commas that hide the commit; reveal with the same salt",
};
