// Hash routes (#/block/12), so the static files need no server-side rewrites wherever they are mounted.
import { useEffect, useState } from "preact/hooks";

export type Route =
  | { page: "home" }
  | { page: "blocks" }
  | { page: "block"; id: string }
  | { page: "extrinsic"; block: number; index: number }
  | { page: "account"; address: string }
  | { page: "subnets" }
  | { page: "subnet"; netuid: number }
  | { page: "validator"; hotkey: string }
  | { page: "search"; query: string }
  | { page: "notFound"; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "") || "/";
  const [, first = "", second = ""] = path.split("/");
  const arg = decodeURIComponent(second);
  switch (first) {
    case "":
      return { page: "home" };
    case "blocks":
      return { page: "blocks" };
    case "block":
      return { page: "block", id: arg };
    case "extrinsic": {
      const m = /^(\d+)-(\d+)$/.exec(arg);
      return m ? { page: "extrinsic", block: Number(m[1]), index: Number(m[2]) } : { page: "notFound", path };
    }
    case "account":
      return { page: "account", address: arg };
    case "subnets":
      return { page: "subnets" };
    case "subnet":
      return /^\d+$/.test(arg) ? { page: "subnet", netuid: Number(arg) } : { page: "notFound", path };
    case "validator":
      return { page: "validator", hotkey: arg };
    case "search":
      return { page: "search", query: arg };
    default:
      return { page: "notFound", path };
  }
}

export const href = {
  block: (id: string | number) => `#/block/${id}`,
  extrinsic: (block: number, index: number) => `#/extrinsic/${block}-${index}`,
  account: (a: string) => `#/account/${a}`,
  subnet: (n: number) => `#/subnet/${n}`,
  validator: (h: string) => `#/validator/${h}`,
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash));
    addEventListener("hashchange", on);
    return () => removeEventListener("hashchange", on);
  }, []);
  return route;
}
