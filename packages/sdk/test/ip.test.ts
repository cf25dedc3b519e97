import { describe, expect, it } from "vitest";
import { intToIp, ipToInt, ipVersion, toAxonInfo } from "../src/index.js";

// Values as netaddr gives them (int(IPAddress(x)), str(IPAddress(n))), which bittensor's net utils wrap.
describe("ip helpers", () => {
  it("converts IPv4 both ways", () => {
    expect(ipToInt("127.0.0.1")).toBe(2130706433n);
    expect(ipToInt("0.0.0.0")).toBe(0n);
    expect(ipToInt("255.255.255.255")).toBe(4294967295n);
    expect(ipToInt("192.168.1.10")).toBe(3232235786n);
    expect(intToIp(2130706433n)).toBe("127.0.0.1");
    expect(intToIp(0n)).toBe("0.0.0.0");
    expect(ipVersion("10.0.0.1")).toBe(4);
  });

  it("converts IPv6 both ways, including :: and an IPv4 tail", () => {
    expect(ipToInt("::1")).toBe(1n);
    expect(ipToInt("::")).toBe(0n);
    expect(ipToInt("2001:db8::1")).toBe(0x20010db8000000000000000000000001n);
    expect(ipToInt("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).toBe((1n << 128n) - 1n);
    expect(ipToInt("::ffff:1.2.3.4")).toBe(0xffff01020304n);
    expect(ipToInt("fe80::1:0:0:2")).toBe(0xfe800000000000000001000000000002n);
    expect(intToIp(0x20010db8000000000000000000000001n)).toBe("2001:db8::1");
    expect(intToIp(1n, 6)).toBe("::1");
    expect(intToIp(0n, 6)).toBe("::");
    expect(intToIp(0x20010db8000100000000000100000001n)).toBe("2001:db8:1::1:0:1");
    expect(intToIp(0x20010db8000000010001000100010001n)).toBe("2001:db8:0:1:1:1:1:1");
    expect(ipVersion("2001:db8::1")).toBe(6);
  });

  it("round-trips", () => {
    for (const ip of ["1.2.3.4", "2001:db8::1", "fe80::1:0:0:2", "1::", "::2:0:0:0:3"])
      expect(intToIp(ipToInt(ip), ipVersion(ip))).toBe(ip);
  });

  it("rejects what is not an address, saying so", () => {
    for (const bad of ["", "1.2.3", "256.0.0.1", "1.2.3.4.5", "localhost", "1::2::3", "01.2.3.4", "g::1"]) {
      expect(ipVersion(bad)).toBeUndefined();
      expect(() => ipToInt(bad)).toThrow(/is not an IP address/);
    }
    expect(() => intToIp(-1n)).toThrow(/not an IP address/);
    expect(() => intToIp(1n << 128n)).toThrow(/not an IP address/);
    expect(() => intToIp(1n << 32n, 4)).toThrow(/too large for an IPv4/);
  });
});

describe("AxonInfo from the chain", () => {
  it("shows the stored IP as bittensor does (netaddr's text)", () => {
    const v6 = toAxonInfo({ ip: String(ipToInt("2001:db8::1")), ipType: 6, port: 8091 }, "hk", "ck");
    expect(v6).toMatchObject({ ip: "2001:db8::1", ip_type: 6, is_serving: true });
    const v4 = toAxonInfo({ ip: "2130706433", ipType: 4, port: 8091 }, "hk", "ck");
    expect(v4).toMatchObject({ ip: "127.0.0.1", ip_type: 4, is_serving: true });
    expect(toAxonInfo(null, "hk", "ck")).toMatchObject({ ip: "0.0.0.0", is_serving: false });
  });
});
