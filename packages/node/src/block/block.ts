// A whole block: header ‖ body, the form blocks travel in (files, later the network).
import { decodeExact } from "@opentao/primitives";
import { decodeBodyAt, encodeBody } from "./body.js";
import { decodeHeader, encodeHeader, HEADER_SIZE, type Header, HeaderCodec } from "./header.js";

export interface Block {
  header: Header;
  extrinsics: Uint8Array[];
}

export function encodeBlock(block: Block): Uint8Array {
  const header = encodeHeader(block.header);
  const body = encodeBody(block.extrinsics);
  const out = new Uint8Array(header.length + body.length);
  out.set(header);
  out.set(body, header.length);
  return out;
}

export function decodeBlock(bytes: Uint8Array): Block {
  if (bytes.length < HEADER_SIZE) decodeExact(HeaderCodec, bytes, "block header"); // throws, naming the part
  const header = decodeHeader(bytes.subarray(0, HEADER_SIZE));
  const [extrinsics] = decodeBodyAt(bytes, HEADER_SIZE, true);
  return { header, extrinsics };
}
