// IP text ↔ the u128 Subtensor stores for an axon (IPv4 as 32 bits, IPv6 as 128), as bittensor's
// net utils (`ip_to_int`, `ip_version`, `int_to_ip`, all netaddr underneath).
import { isIPv4, isIPv6 } from "node:net";

const V4_MAX = (1n << 32n) - 1n;
const V6_MAX = (1n << 128n) - 1n;

/** 4 or 6 for a valid address; undefined for anything else. */
export function ipVersion(ip: string): 4 | 6 | undefined {
  return isIPv4(ip) ? 4 : isIPv6(ip) ? 6 : undefined;
}

/** "127.0.0.1" → 2130706433n, "::1" → 1n. Throws on text that is not an IPv4 or IPv6 address. */
export function ipToInt(ip: string): bigint {
  const version = ipVersion(ip);
  if (version === 4) return ip.split(".").reduce((n, part) => (n << 8n) + BigInt(part), 0n);
  if (version === undefined)
    throw new Error(`"${ip}" is not an IP address (give IPv4 as a.b.c.d or IPv6 as x:x::x)`);
  let text = ip;
  // An embedded IPv4 tail (::ffff:1.2.3.4) is two hex groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = ipToInt(v4[1]!);
    text = `${text.slice(0, -v4[1]!.length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups =
    tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return groups.reduce((n, g) => (n << 16n) + BigInt(`0x${g}`), 0n);
}

/**
 * 2130706433n → "127.0.0.1". Like netaddr, a value that fits 32 bits is IPv4 unless version 6 is
 * asked for; IPv6 comes out in the compressed form (RFC 5952: longest run of zero groups as "::").
 */
export function intToIp(value: bigint, version?: 4 | 6): string {
  if (value < 0n || value > V6_MAX) throw new Error(`${value} is not an IP address (must be 0 to 2^128 - 1)`);
  if (version === 4 && value > V4_MAX)
    throw new Error(`${value} is too large for an IPv4 address (max 2^32 - 1)`);
  if (version !== 6 && value <= V4_MAX) return [24n, 16n, 8n, 0n].map((s) => (value >> s) & 0xffn).join(".");
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.len) best = { at: i, len: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.len < 2) return hex.join(":");
  return `${hex.slice(0, best.at).join(":")}::${hex.slice(best.at + best.len).join(":")}`;
}
