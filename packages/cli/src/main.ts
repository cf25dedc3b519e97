import { CommanderError } from "commander";
import { CliError, EXIT } from "./errors.js";
import { buildProgram, commandTree } from "./program.js";
import { pc } from "./ui/colors.js";

const argv = process.argv.slice(2);
const jsonMode = argv.some((a) => a === "--json" || a === "--json-output" || a === "--json-out");

/** Errors that mean "your input is wrong" rather than "the operation failed". */
const INPUT_ERRORS = new Set([
  "MnemonicError",
  "AddressError",
  "HexError",
  "KeyError",
  "AmountError",
  "GenesisError",
]);

function exitCodeOf(error: Error & { code?: unknown }): number {
  if (error instanceof CliError) return error.exitCode;
  if (INPUT_ERRORS.has(error.name)) return EXIT.usage;
  // A password nobody can be asked for is a missing answer, like a prompt without a terminal: exit 2.
  const walletInput = ["INVALID_INPUT", "NOT_FOUND", "PASSWORD_REQUIRED"];
  if (error.name === "WalletError" && walletInput.includes(String(error.code))) return EXIT.usage;
  if (error.name === "ConnectionError") return EXIT.unavailable;
  return EXIT.failed;
}

function report(error: unknown): void {
  const err = error instanceof Error ? error : new Error(String(error));
  const expected =
    err instanceof CliError || (/Error$/.test(err.name) && err.name !== "Error" && err.name !== "TypeError");
  const message = expected ? err.message : `unexpected error: ${err.message}`;
  process.stderr.write(`${pc.red(`Error: ${message}`)}\n`);
  if (err instanceof CliError && err.hint) process.stderr.write(`${err.hint}\n`);
  if (!expected || process.env.TAO_DEBUG) process.stderr.write(`${err.stack ?? ""}\n`);
  if (jsonMode) {
    const hint = err instanceof CliError && err.hint ? { hint: err.hint } : {};
    process.stdout.write(
      `${JSON.stringify({ success: false, error: message, ...hint, data: null }, null, 2)}\n`,
    );
  }
  process.exitCode = exitCodeOf(err);
}

// `tao … | head` closes stdout early; that is the reader's choice, not a failure.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

const program = buildProgram();
program.exitOverride();
program.configureOutput({ outputError: (text, write) => write(pc.red(text)) });
program.commands.forEach(function override(cmd) {
  cmd.exitOverride();
  cmd.commands.forEach(override);
});

try {
  if (argv.length === 0) {
    program.outputHelp();
  } else if (argv[0] === "--commands") {
    process.stdout.write(commandTree(program));
  } else {
    await program.parseAsync(process.argv);
  }
} catch (error) {
  if (error instanceof CommanderError) {
    const shown = ["commander.helpDisplayed", "commander.version", "commander.help"].includes(error.code);
    if (!shown) {
      if (jsonMode)
        process.stdout.write(
          `${JSON.stringify({ success: false, error: error.message, data: null }, null, 2)}\n`,
        );
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
  } else if ((error as { code?: unknown }).code === "SIGINT") {
    process.exitCode = EXIT.interrupted;
  } else {
    report(error);
  }
}
