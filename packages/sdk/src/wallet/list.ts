import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { Keyfile } from "./keyfile.js";
import { expandPath } from "./paths.js";

export interface ListedHotkey {
  name: string;
  /** "?" when neither the hotkey nor its public file can be read without a password. */
  ss58Address: string;
  /** Only `<name>pub.txt` is there (the private hotkey lives elsewhere) or the hotkey is encrypted. */
  publicOnly: boolean;
}

export interface ListedWallet {
  name: string;
  /** "?" when `coldkeypub.txt` is missing or unreadable. */
  ss58Address: string;
  hotkeys: ListedHotkey[];
}

/** Every wallet under `path`, as `btcli wallet list` shows them (directories, sorted by name). */
export async function listWallets(path: string): Promise<ListedWallet[]> {
  const root = expandPath(path);
  if (!existsSync(root)) return [];
  const names = readdirSync(root)
    .filter((n) => !n.startsWith(".") && statSync(join(root, n)).isDirectory())
    .sort();
  return Promise.all(names.map((name) => listWallet(root, name)));
}

async function listWallet(root: string, name: string): Promise<ListedWallet> {
  const dir = join(root, name);
  const ss58Address = await addressOf(new Keyfile(join(dir, "coldkeypub.txt")));
  const hotkeysDir = join(dir, "hotkeys");
  const files = existsSync(hotkeysDir)
    ? readdirSync(hotkeysDir).filter((f) => statSync(join(hotkeysDir, f)).isFile())
    : [];
  const present = new Set(files);
  const hotkeys: ListedHotkey[] = [];
  // A `<name>pub.txt` file belongs to the hotkey `<name>`; it is listed on its own only when the private file is absent.
  for (const file of files.sort()) {
    const pubOf = file.endsWith("pub.txt") ? file.slice(0, -"pub.txt".length) : undefined;
    if (pubOf !== undefined && present.has(pubOf)) continue;
    const hotkeyName = pubOf ?? file;
    let address = await addressOf(new Keyfile(join(hotkeysDir, file)));
    let publicOnly = pubOf !== undefined;
    if (address === "?" && pubOf === undefined && present.has(`${file}pub.txt`)) {
      address = await addressOf(new Keyfile(join(hotkeysDir, `${file}pub.txt`)));
      publicOnly = true;
    }
    hotkeys.push({ name: hotkeyName, ss58Address: address, publicOnly });
  }
  return { name, ss58Address, hotkeys };
}

async function addressOf(file: Keyfile): Promise<string> {
  try {
    if (!file.exists() || file.isEncrypted()) return "?";
    return (await file.publicKeypair()).ss58Address;
  } catch {
    return "?";
  }
}
