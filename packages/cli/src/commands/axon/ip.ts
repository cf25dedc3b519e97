// IP text → the u128 Subtensor stores (IPv4 as a 32-bit number, IPv6 as 128 bits), as netaddr's int(ip).
import { isIPv4, isIPv6 } from "node:net";

export function ipToInt(ip: string): { value: bigint; version: 4 | 6 } | undefined {
  if (isIPv4(ip))
    return { value: ip.split(".").reduce((n, part) => (n << 8n) + BigInt(part), 0n), version: 4 };
  if (!isIPv6(ip)) return undefined;
  let text = ip;
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two hex groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = ipToInt(v4[1]!)!.value;
    text = text.replace(v4[1]!, `${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`);
  }
  const [head, tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups =
    tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return { value: groups.reduce((n, g) => (n << 16n) + BigInt(`0x${g || "0"}`), 0n), version: 6 };
}
