// A strict XML well-formedness check for the SVG we write (no DTDs, no CDATA): tags nest and close,
// attributes are quoted and unique, text and attribute values escape < and &. Returns the elements.
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*$/;
const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

export function parseXml(src: string): XmlElement {
  let i = 0;
  const text = src.replace(/^<\?xml[^>]*\?>\s*/, "");
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const chunk = lt < 0 ? text.slice(i) : text.slice(i, lt);
    if (chunk.length) {
      if (ENTITY.test(chunk)) throw new Error(`unescaped & in text near ${i}`);
      if (stack.length === 0) {
        if (chunk.trim()) throw new Error(`text outside the root element near ${i}`);
      } else stack[stack.length - 1]!.text += unescapeXml(chunk);
    }
    if (lt < 0) break;
    const gt = text.indexOf(">", lt);
    if (gt < 0) throw new Error(`unclosed tag at ${lt}`);
    const tag = text.slice(lt + 1, gt);
    if (tag.includes("<")) throw new Error(`'<' inside a tag at ${lt}`);
    i = gt + 1;
    if (tag.startsWith("!--")) continue;
    if (tag.startsWith("/")) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (!open || open.name !== name)
        throw new Error(`</${name}> closes <${open?.name ?? "nothing"}> at ${lt}`);
      continue;
    }
    const selfClosing = tag.endsWith("/");
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([^\s]+)(.*)$/s.exec(body.trim());
    if (!m || !NAME.test(m[1]!)) throw new Error(`bad tag name at ${lt}: ${tag.slice(0, 20)}`);
    const attrs: Record<string, string> = {};
    let rest = m[2]!;
    const attr = /^\s+([A-Za-z_][\w.:-]*)="([^"<]*)"/;
    while (rest.trim().length) {
      const a = attr.exec(rest);
      if (!a) throw new Error(`bad attribute syntax in <${m[1]}> at ${lt}: ${rest.slice(0, 30)}`);
      if (a[1]! in attrs) throw new Error(`duplicate attribute ${a[1]} in <${m[1]}>`);
      if (ENTITY.test(a[2]!)) throw new Error(`unescaped & in attribute ${a[1]}`);
      attrs[a[1]!] = unescapeXml(a[2]!);
      rest = rest.slice(a[0].length);
    }
    const e: XmlElement = { name: m[1]!, attrs, children: [], text: "" };
    if (stack.length) stack[stack.length - 1]!.children.push(e);
    else if (root) throw new Error("more than one root element");
    else root = e;
    if (!selfClosing) stack.push(e);
  }
  if (stack.length) throw new Error(`<${stack[stack.length - 1]!.name}> is never closed`);
  if (!root) throw new Error("no root element");
  return root;
}

export function all(e: XmlElement, pred: (x: XmlElement) => boolean): XmlElement[] {
  return [...(pred(e) ? [e] : []), ...e.children.flatMap((c) => all(c, pred))];
}

export const textOf = (e: XmlElement): string => e.text + e.children.map(textOf).join("");
