import { parseRao, RAO_SYMBOL } from "@opentao/primitives";
import { money, parseAmountOption, tao } from "../../amount.js";
import type { Action } from "../../command.js";
import { usageError } from "../../errors.js";
import { FROM_RAO, FROM_TAO } from "./index.js";

/** Exact, both ways: no floats, so 0.1 TAO is 100000000 rao, and too many decimals are an error. */
export const convert: Action = async (ctx) => {
  const raoText = ctx.string(FROM_RAO);
  const taoText = ctx.string(FROM_TAO);
  if (raoText === undefined && taoText === undefined) throw usageError("Specify `--rao` and/or `--tao`.");
  const fromRao = raoText === undefined ? undefined : parseRao(raoText, "--rao");
  const fromTao = taoText === undefined ? undefined : parseAmountOption(taoText, "--tao");
  ctx.ui.result(
    {
      ...(fromRao !== undefined ? { from_rao: money(fromRao) } : {}),
      ...(fromTao !== undefined ? { from_tao: money(fromTao) } : {}),
    },
    () => {
      if (fromRao !== undefined) ctx.ui.say(`${fromRao}${RAO_SYMBOL} = ${tao(fromRao)}`);
      if (fromTao !== undefined) ctx.ui.say(`τ${taoText!.trim()} = ${fromTao}${RAO_SYMBOL}`);
    },
  );
};
