import type { OptionDef } from "../../options.js";

export const BASE_PATH: OptionDef = {
  flags: "-d, --base-path <dir>",
  aliases: ["--base_path"],
  env: "TAO_BASE_PATH",
  description: "directory of the node's database (as Substrate's --base-path)",
};
