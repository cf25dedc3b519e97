import { readFileSync } from "node:fs";
import {
  bytesToHex,
  cryptoReady,
  generateMnemonic,
  Keypair,
  MNEMONIC_WORD_COUNTS,
  type MnemonicWordCount,
  publicKeyFromAddressOrHex,
  utf8,
  verifySignature,
} from "@opentao/primitives";
import { decryptPolkadotJson, listWallets, type Wallet } from "@opentao/sdk";
import type { Action, CommandContext } from "../../command.js";
import { N_WORDS, OVERWRITE, URI, usePassword, WALLET_PATH } from "../../common-options.js";
import { EXIT, usageError } from "../../errors.js";
import { pc } from "../../ui/colors.js";
import type { Ui } from "../../ui/ui.js";
import { openWallet, passwords } from "../../wallet-access.js";
import {
  ADDRESS,
  JSON_FILE,
  JSON_PASSWORD,
  MESSAGE,
  MNEMONIC,
  PUBLIC_KEY_HEX,
  SEED,
  SIGNATURE,
  SS58,
  USE_HOTKEY,
  WALLET_FILTER,
} from "./options.js";

type KeyKind = "coldkey" | "hotkey";

function nWords(ctx: CommandContext): MnemonicWordCount {
  const n = Number(ctx.string(N_WORDS));
  if (!MNEMONIC_WORD_COUNTS.includes(n as MnemonicWordCount)) {
    throw usageError(
      `--n-words must be one of ${MNEMONIC_WORD_COUNTS.join(", ")}, got ${ctx.string(N_WORDS)}`,
    );
  }
  return n as MnemonicWordCount;
}

/** btcli's `--uri alice` means //Alice; anything with a slash or a phrase is used as a secret URI. */
function keypairFromUriOption(uri: string): Keypair {
  const name = uri.replace(/^\/+/, "");
  if (/^[A-Za-z0-9]+$/.test(name))
    return Keypair.fromUri(`//${name[0]!.toUpperCase()}${name.slice(1).toLowerCase()}`);
  return Keypair.fromUri(uri);
}

function writeOptions(ctx: CommandContext, kind: KeyKind) {
  const password = passwords(ctx.ui);
  return {
    usePassword: ctx.boolean(usePassword(kind === "coldkey")) ?? kind === "coldkey",
    ...(password ? { password } : {}),
    overwrite: ctx.boolean(OVERWRITE) === true,
  };
}

function showMnemonic(ui: Ui, kind: KeyKind, keypair: Keypair): void {
  const say = (text: string) => process.stderr.write(`${text}\n`);
  (ui.json ? say : (t: string) => ui.say(t))(
    [
      pc.red(
        "IMPORTANT: Store this mnemonic in a secure (preferable offline place), as anyone who has possession of this mnemonic can use it to regenerate the key and access your tokens.",
      ),
      "",
      `The mnemonic to the new ${kind} is: ${pc.bold(keypair.mnemonic ?? "")}`,
      "",
      `You can use the mnemonic to recreate the key with \`tao wallet regen-${kind} --mnemonic "…"\` in case it gets lost.`,
    ].join("\n"),
  );
}

/** btcli's result document, plus the address of the key the command wrote (`ss58Address`). */
async function walletDoc(wallet: Wallet, ss58Address: string, extra: Record<string, unknown> = {}) {
  const address = async (get: () => Promise<Keypair>) =>
    get()
      .then((k) => k.ss58Address)
      .catch(() => null);
  return {
    success: true,
    error: "",
    data: {
      name: wallet.name,
      path: wallet.path,
      hotkey: wallet.hotkeyName,
      hotkey_ss58: await address(() => wallet.getHotkeypub()),
      coldkey_ss58: await address(() => wallet.getColdkeypub()),
    },
    ss58Address,
    ...extra,
  };
}

export const list: Action = async (ctx) => {
  await cryptoReady();
  const path = ctx.string(WALLET_PATH)!;
  const only = ctx.string(WALLET_FILTER);
  const wallets = (await listWallets(path)).filter((w) => only === undefined || w.name === only);
  if (wallets.length === 0)
    ctx.ui.warn(only ? `Wallet '${only}' not found in dir: ${path}` : `No wallets found in dir: ${path}`);
  ctx.ui.result(
    {
      wallets: wallets.map((w) => ({
        name: w.name,
        ss58_address: w.ss58Address,
        hotkeys: w.hotkeys.map((h) => ({ name: h.name, ss58_address: h.ss58Address })),
      })),
    },
    () => {
      const lines = ["Wallets"];
      wallets.forEach((w, i) => {
        const lastWallet = i === wallets.length - 1;
        lines.push(
          `${lastWallet ? "└──" : "├──"} ${pc.blue("Coldkey")} ${pc.green(w.name)}  ss58_address ${pc.green(w.ss58Address)}`,
        );
        w.hotkeys.forEach((h, j) => {
          const branch = j === w.hotkeys.length - 1 ? "└──" : "├──";
          const note = h.publicOnly ? pc.blue(" (hotkeypub only)") : "";
          lines.push(
            `${lastWallet ? "    " : "│   "}${branch} ${pc.red("Hotkey")} ${pc.green(h.name)}  ss58_address ${pc.green(h.ss58Address)}${note}`,
          );
        });
      });
      if (wallets.length === 0) lines.push(`└── ${pc.red("No wallets found.")}`);
      ctx.ui.say(lines.join("\n"));
    },
  );
};

export const create: Action = async (ctx) => {
  await cryptoReady();
  const wallet = openWallet(ctx);
  const uri = ctx.string(URI);
  const overwrite = ctx.boolean(OVERWRITE) === true;
  const words = nWords(ctx);
  // Check every file first, so an existing hotkey cannot leave a new coldkey behind half a wallet.
  for (const file of [wallet.coldkeyFile, wallet.coldkeypubFile, wallet.hotkeyFile, wallet.hotkeypubFile]) {
    await file.assertWritable(overwrite);
  }
  const coldkey = uri ? keypairFromUriOption(uri) : Keypair.fromMnemonic(generateMnemonic(words));
  const hotkey = uri ? coldkey : Keypair.fromMnemonic(generateMnemonic(words));
  // btcli stores URI keys unencrypted: they are public dev keys.
  const cold = { ...writeOptions(ctx, "coldkey"), overwrite: true };
  await wallet.setColdkey(coldkey, uri ? { ...cold, usePassword: false } : cold);
  if (!uri) showMnemonic(ctx.ui, "coldkey", coldkey);
  await wallet.setHotkey(hotkey, {
    ...writeOptions(ctx, "hotkey"),
    overwrite: true,
    ...(uri ? { usePassword: false } : {}),
  });
  if (!uri) showMnemonic(ctx.ui, "hotkey", hotkey);
  ctx.ui.result(await walletDoc(wallet, coldkey.ss58Address, mnemonics({ coldkey, hotkey }, !uri)), () =>
    ctx.ui.success(
      uri
        ? `Wallet created from URI: ${uri}\ncoldkey ${coldkey.ss58Address}\nhotkey  ${hotkey.ss58Address}`
        : `Wallet created\ncoldkey ${coldkey.ss58Address}\nhotkey  ${hotkey.ss58Address}`,
    ),
  );
};

function mnemonics(keys: Partial<Record<KeyKind, Keypair>>, include: boolean): Record<string, unknown> {
  if (!include) return {};
  const out: Record<string, string> = {};
  for (const [kind, kp] of Object.entries(keys)) if (kp?.mnemonic) out[kind] = kp.mnemonic;
  return { mnemonic: out };
}

async function newKey(ctx: CommandContext, kind: KeyKind): Promise<void> {
  await cryptoReady();
  const wallet = openWallet(ctx);
  const uri = ctx.string(URI);
  const options = writeOptions(ctx, kind);
  const files =
    kind === "coldkey"
      ? [wallet.coldkeyFile, wallet.coldkeypubFile]
      : [wallet.hotkeyFile, wallet.hotkeypubFile];
  for (const file of files) await file.assertWritable(options.overwrite);
  const keypair = uri ? keypairFromUriOption(uri) : Keypair.fromMnemonic(generateMnemonic(nWords(ctx)));
  const write = { ...options, overwrite: true, ...(uri && kind === "coldkey" ? { usePassword: false } : {}) };
  if (kind === "coldkey") await wallet.setColdkey(keypair, write);
  else await wallet.setHotkey(keypair, write);
  if (!uri) showMnemonic(ctx.ui, kind, keypair);
  ctx.ui.result(await walletDoc(wallet, keypair.ss58Address, mnemonics({ [kind]: keypair }, !uri)), () =>
    ctx.ui.success(`${kind === "coldkey" ? "Coldkey" : "Hotkey"} created: ${keypair.ss58Address}`),
  );
}

export const newColdkey: Action = (ctx) => newKey(ctx, "coldkey");
export const newHotkey: Action = (ctx) => newKey(ctx, "hotkey");

/** The key to restore, from exactly one of --mnemonic, --seed or --json-file (asked for when none). */
async function restoredKeypair(ctx: CommandContext, kind: KeyKind): Promise<Keypair> {
  const mnemonic = ctx.string(MNEMONIC);
  const seed = ctx.string(SEED);
  const jsonFile = ctx.string(JSON_FILE);
  const given = [mnemonic, seed, jsonFile].filter((x) => x !== undefined).length;
  if (given > 1) throw usageError("give only one of --mnemonic, --seed and --json-file");
  if (mnemonic !== undefined) return Keypair.fromMnemonic(mnemonic);
  if (seed !== undefined) return Keypair.fromSeed(seed.startsWith("0x") ? seed : `0x${seed}`);
  if (jsonFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(jsonFile, "utf8");
    } catch (e) {
      throw usageError(`cannot read the JSON backup ${jsonFile}: ${(e as Error).message}`);
    }
    const password =
      ctx.string(JSON_PASSWORD) ?? (await ctx.ui.ask("Enter the backup password for JSON file: ", true));
    const stop = ctx.ui.busy("Decrypting backup...");
    try {
      return Keypair.fromEd25519FormSecret((await decryptPolkadotJson(text, password)).secretKey);
    } finally {
      stop();
    }
  }
  if (!ctx.ui.canPrompt) {
    throw usageError(`say which ${kind} to restore: give --mnemonic "…", --seed 0x… or --json-file FILE`);
  }
  const answer = (await ctx.ui.ask(`Enter the mnemonic or the seed (0x…) of the ${kind}: `, true)).trim();
  return /^(0x)?[0-9a-fA-F]{64}$/.test(answer)
    ? Keypair.fromSeed(answer.startsWith("0x") ? answer : `0x${answer}`)
    : Keypair.fromMnemonic(answer);
}

async function regenKey(ctx: CommandContext, kind: KeyKind): Promise<void> {
  await cryptoReady();
  const wallet = openWallet(ctx);
  const options = writeOptions(ctx, kind);
  const files =
    kind === "coldkey"
      ? [wallet.coldkeyFile, wallet.coldkeypubFile]
      : [wallet.hotkeyFile, wallet.hotkeypubFile];
  for (const file of files) await file.assertWritable(options.overwrite);
  const keypair = await restoredKeypair(ctx, kind);
  if (kind === "coldkey") await wallet.setColdkey(keypair, { ...options, overwrite: true });
  else await wallet.setHotkey(keypair, { ...options, overwrite: true });
  ctx.ui.result(await walletDoc(wallet, keypair.ss58Address), () =>
    ctx.ui.success(
      `Regenerated ${kind} successfully!\nWallet name: (${wallet.name}), path: (${wallet.path}), ${kind} ss58: (${keypair.ss58Address})`,
    ),
  );
}

export const regenColdkey: Action = (ctx) => regenKey(ctx, "coldkey");
export const regenHotkey: Action = (ctx) => regenKey(ctx, "hotkey");

async function regenPub(ctx: CommandContext, kind: KeyKind): Promise<void> {
  await cryptoReady();
  const wallet = openWallet(ctx);
  const ss58 = ctx.string(SS58);
  const hex = ctx.string(PUBLIC_KEY_HEX);
  if ((ss58 === undefined) === (hex === undefined))
    throw usageError("give exactly one of --ss58 and --public-key-hex");
  const keypair = Keypair.fromPublicKey(
    publicKeyFromAddressOrHex((ss58 ?? hex)!, ss58 ? "--ss58" : "--public-key-hex"),
  );
  const overwrite = ctx.boolean(OVERWRITE) === true;
  if (kind === "coldkey") await wallet.setColdkeypub(keypair, { overwrite });
  else await wallet.setHotkeypub(keypair, { overwrite });
  ctx.ui.result(await walletDoc(wallet, keypair.ss58Address), () =>
    ctx.ui.success(
      `Regenerated ${kind}pub successfully!\nWallet name: (${wallet.name}), path: (${wallet.path}), ${kind} ss58: (${keypair.ss58Address})`,
    ),
  );
}

export const regenColdkeypub: Action = (ctx) => regenPub(ctx, "coldkey");
export const regenHotkeypub: Action = (ctx) => regenPub(ctx, "hotkey");

export const sign: Action = async (ctx) => {
  await cryptoReady();
  const message = ctx.string(MESSAGE);
  if (message === undefined) throw usageError("give the message to sign with --message");
  const wallet = openWallet(ctx);
  const useHotkey = ctx.boolean(USE_HOTKEY) === true;
  const keypair = useHotkey
    ? await wallet.getHotkey(passwords(ctx.ui))
    : await wallet.getColdkey(passwords(ctx.ui));
  const signature = bytesToHex(keypair.sign(utf8(message)), false);
  ctx.ui.result({ signed_message: signature, signer_address: keypair.ss58Address }, () => {
    ctx.ui.success("Message signed successfully!\n");
    ctx.ui.say(`${pc.yellow("Signature:")}\n${signature}`);
    ctx.ui.say(`${pc.yellow("Signer address:")} ${keypair.ss58Address}`);
  });
};

export const verify: Action = async (ctx) => {
  await cryptoReady();
  const message = ctx.string(MESSAGE);
  const signature = ctx.string(SIGNATURE);
  const address = ctx.string(ADDRESS);
  if (message === undefined || signature === undefined || address === undefined) {
    throw usageError("give --message, --signature and --address (an SS58 address or a hex public key)");
  }
  const publicKey = publicKeyFromAddressOrHex(address, "--address");
  const sigHex = signature.trim().replace(/^0x/i, "");
  if (!/^[0-9a-fA-F]{128}$/.test(sigHex)) {
    throw usageError(`--signature must be 64 bytes of hex (128 digits), got ${sigHex.length} characters`);
  }
  const signer = Keypair.fromPublicKey(publicKey).ss58Address;
  const verified = verifySignature(utf8(message), `0x${sigHex}`, publicKey);
  ctx.ui.result({ verified, signer, message }, () => {
    if (verified) ctx.ui.success(`Signature is valid!\nSigner: ${signer}`);
  });
  if (!verified) {
    if (!ctx.ui.json) process.stderr.write(`${pc.red("Signature verification failed!")}\n`);
    process.exitCode = EXIT.failed;
  }
};
