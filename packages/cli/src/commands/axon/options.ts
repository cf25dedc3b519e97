import type { OptionDef } from "../../options.js";

export const IP: OptionDef = {
  flags: "--ip <address>",
  description: "IP address of the axon, e.g. 203.0.113.7",
};
export const PORT: OptionDef = { flags: "--port <port>", description: "port of the axon (1–65535)" };
export const IP_TYPE: OptionDef = { flags: "--ip-type <4|6>", default: "4", description: "IP version" };
export const PROTOCOL: OptionDef = { flags: "--protocol <n>", default: "4", description: "protocol version" };
