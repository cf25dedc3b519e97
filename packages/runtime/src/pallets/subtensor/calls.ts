import type { AnyCallDef } from "../../frame/call.js";
import { dissolveNetworkCall, rootDissolveNetworkCall } from "./dissolve.js";
import { setIdentity, setSubnetIdentity, updateSymbol } from "./identity.js";
import { burnedRegister, register, registerLimit } from "./register.js";
import { registerNetworkCall, registerNetworkWithIdentityCall } from "./register-network.js";
import { ROOT_CLAIM_CALLS } from "./root-claims/calls.js";
import { rootRegister, tryAssociateHotkey } from "./root-register.js";
import { serveAxonCall, serveAxonTlsCall, servePrometheusCall } from "./serve.js";
import { STAKING_CALLS } from "./staking/add-remove.js";
import { setColdkeyAutoStakeHotkey } from "./staking/auto-stake.js";
import { CHILD_KEY_CALLS } from "./staking/children.js";
import { MOVE_CALLS } from "./staking/move.js";
import { addStakeBurnCall } from "./staking/stake-burn.js";
import { decreaseTake, increaseTake } from "./staking/takes.js";
import { startCall } from "./start-call.js";
import { COLDKEY_SWAP_CALLS } from "./swap/coldkey.js";
import { HOTKEY_SWAP_CALLS } from "./swap/hotkey.js";
import { setActivityCutoffFactor, setTempo, triggerEpoch } from "./tempo-control.js";
import { WEIGHT_CALLS } from "./weights/calls.js";

/** SubtensorModule's calls, by Subtensor's call index (transactions.md §3.1). */
export const SUBTENSOR_CALLS: AnyCallDef[] = [
  serveAxonCall,
  servePrometheusCall,
  register,
  burnedRegister,
  serveAxonTlsCall,
  registerNetworkCall,
  rootRegister,
  registerNetworkWithIdentityCall,
  setIdentity,
  setSubnetIdentity,
  tryAssociateHotkey,
  startCall,
  updateSymbol,
  registerLimit,
  setTempo,
  setActivityCutoffFactor,
  triggerEpoch,
  ...WEIGHT_CALLS,
  ...STAKING_CALLS,
  ...MOVE_CALLS,
  decreaseTake,
  increaseTake,
  dissolveNetworkCall,
  rootDissolveNetworkCall,
  ...CHILD_KEY_CALLS,
  ...HOTKEY_SWAP_CALLS,
  ...COLDKEY_SWAP_CALLS,
  ...ROOT_CLAIM_CALLS,
  setColdkeyAutoStakeHotkey,
  addStakeBurnCall,
];
