// HTML built by a tagged template that escapes every value it is given, so text from the chain
// (subnet names, identities, symbols) can never become markup. Only Html values pass through as is.

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

type Part = Html | string | number | bigint | boolean | null | undefined | readonly Part[];

function partText(part: Part): string {
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map(partText).join("");
  if (part === null || part === undefined || part === false) return "";
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0]!;
  parts.forEach((part, i) => {
    out += partText(part) + strings[i + 1]!;
  });
  return new Html(out);
}

/** Markup made elsewhere and already safe, e.g. an SVG chart from @opentao/charts (which escapes its text). */
export const trusted = (markup: string): Html => new Html(markup);
