import { Bytes, blake2b256, bytesToHex, Struct } from "@opentao/primitives";
import { defineCall } from "../../frame/call.js";
import { badOrigin, OK } from "../../frame/dispatch-error.js";
import { weight } from "../../frame/weights.js";

export const remark = defineCall({
  pallet: "System",
  name: "remark",
  index: 0,
  args: Struct({ remark: Bytes() }),
  weight: ({ remark }) => weight(2_000_000n + BigInt(remark.length) * 400n),
  pays: true,
  dispatch: (_scope, origin) => (origin.kind === "None" ? badOrigin() : OK),
});

export const remarkWithEvent = defineCall({
  pallet: "System",
  name: "remark_with_event",
  index: 7,
  args: Struct({ remark: Bytes() }),
  weight: ({ remark }) => weight(9_000_000n + BigInt(remark.length) * 1_500n),
  pays: true,
  dispatch: (scope, origin, { remark }) => {
    if (origin.kind !== "Signed") return badOrigin();
    scope.emit("System", "Remarked", { sender: origin.who, hash: bytesToHex(blake2b256(remark)) });
    return OK;
  },
});

export const SYSTEM_CALLS = [remark, remarkWithEvent];
