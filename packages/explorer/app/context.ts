import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Header } from "./chain.js";
import type { Rpc } from "./rpc.js";

export interface Live {
  rpc: Rpc;
  /** The best head; pages reload when it moves (at most about once a second). */
  head: Header;
  best: number;
  finalized: number;
  /** The node serves dev_* (a devnet): show the mining controls. */
  dev: boolean;
}

export const LiveContext = createContext<Live | null>(null);

export function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error("useLive outside the app");
  return live;
}
