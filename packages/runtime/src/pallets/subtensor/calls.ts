import type { AnyCallDef } from "../../frame/call.js";
import { serveAxonCall, serveAxonTlsCall, servePrometheusCall } from "./serve.js";

/** SubtensorModule's calls, by Subtensor's call index (transactions.md §3.1). */
export const SUBTENSOR_CALLS: AnyCallDef[] = [serveAxonCall, servePrometheusCall, serveAxonTlsCall];
