/**
 * Strings that match a simple regular expression (the CHECK patterns schemas use: anchors, classes, quantifiers,
 * groups, alternation), and a JavaScript RegExp to verify a candidate against PostgreSQL's pattern.
 */
import type { Random } from "./random.js";

type Node =
  | { readonly kind: "chars"; readonly set: string }
  | { readonly kind: "seq"; readonly items: readonly Node[] }
  | { readonly kind: "alt"; readonly options: readonly Node[] }
  | { readonly kind: "repeat"; readonly node: Node; readonly min: number; readonly max: number };

const DIGITS = "0123456789";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const UPPER = LOWER.toUpperCase();
const WORD = `${LOWER}${UPPER}${DIGITS}_`;
const SPACE = " ";
/** What `.` and negated classes draw from: readable characters only. */
const PRINTABLE = `${LOWER}${UPPER}${DIGITS}-_.`;

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alpha: LOWER + UPPER, digit: DIGITS, alnum: LOWER + UPPER + DIGITS, upper: UPPER, lower: LOWER, space: SPACE,
  xdigit: `${DIGITS}abcdefABCDEF`, punct: "-_.,!?", word: WORD,
};

class Parser {
  #i = 0;
  constructor(readonly src: string) {}

  parse(): Node {
    const node = this.#alternation();
    if (this.#i < this.src.length) throw new Error("unbalanced");
    return node;
  }

  #alternation(): Node {
    const options = [this.#sequence()];
    while (this.src[this.#i] === "|") {
      this.#i++;
      options.push(this.#sequence());
    }
    return options.length === 1 ? options[0]! : { kind: "alt", options };
  }

  #sequence(): Node {
    const items: Node[] = [];
    while (this.#i < this.src.length && this.src[this.#i] !== "|" && this.src[this.#i] !== ")") {
      const atom = this.#atom();
      if (atom) items.push(this.#quantified(atom));
    }
    return { kind: "seq", items };
  }

  #atom(): Node | undefined {
    const ch = this.src[this.#i++]!;
    switch (ch) {
      case "^":
      case "$":
        return undefined;
      case ".":
        return { kind: "chars", set: PRINTABLE };
      case "(": {
        if (this.src[this.#i] === "?") {
          if (this.src[this.#i + 1] !== ":") throw new Error("lookaround");
          this.#i += 2;
        }
        const inner = this.#alternation();
        if (this.src[this.#i++] !== ")") throw new Error("unbalanced");
        return inner;
      }
      case "[":
        return { kind: "chars", set: this.#class() };
      case "\\":
        return { kind: "chars", set: this.#escape() };
      default:
        if ("*+?{".includes(ch)) throw new Error("dangling quantifier");
        return { kind: "chars", set: ch };
    }
  }

  #escape(): string {
    const ch = this.src[this.#i++];
    if (ch === undefined) throw new Error("trailing backslash");
    switch (ch) {
      case "d": return DIGITS;
      case "w": return WORD;
      case "s": return SPACE;
      case "D": return LOWER + UPPER;
      case "W": return "-.";
      case "S": return LOWER + UPPER + DIGITS;
      default:
        if (/[0-9a-zA-Z]/.test(ch)) throw new Error(`escape \\${ch}`);
        return ch;
    }
  }

  #class(): string {
    let negated = false;
    if (this.src[this.#i] === "^") {
      negated = true;
      this.#i++;
    }
    let set = "";
    let first = true;
    while (this.#i < this.src.length && (this.src[this.#i] !== "]" || first)) {
      first = false;
      if (this.src.startsWith("[:", this.#i)) {
        const end = this.src.indexOf(":]", this.#i);
        const cls = POSIX_CLASSES[this.src.slice(this.#i + 2, end)];
        if (end < 0 || cls === undefined) throw new Error("class");
        set += cls;
        this.#i = end + 2;
        continue;
      }
      let ch = this.src[this.#i++]!;
      if (ch === "\\") {
        const esc = this.#escape();
        if (esc.length > 1) {
          set += esc;
          continue;
        }
        ch = esc;
      }
      if (this.src[this.#i] === "-" && this.src[this.#i + 1] !== "]" && this.#i + 1 < this.src.length) {
        let to = this.src[this.#i + 1]!;
        this.#i += 2;
        if (to === "\\") to = this.src[this.#i++] ?? to;
        for (let c = ch.charCodeAt(0); c <= to.charCodeAt(0); c++) set += String.fromCharCode(c);
      } else set += ch;
    }
    if (this.src[this.#i++] !== "]") throw new Error("unbalanced class");
    if (!negated) return set;
    const allowed = [...PRINTABLE].filter((c) => !set.includes(c)).join("");
    if (allowed === "") throw new Error("empty class");
    return allowed;
  }

  #quantified(node: Node): Node {
    const ch = this.src[this.#i];
    let min: number;
    let max: number;
    if (ch === "*") [min, max] = [0, 4];
    else if (ch === "+") [min, max] = [1, 5];
    else if (ch === "?") [min, max] = [0, 1];
    else if (ch === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.#i));
      if (!m) return node;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? min + 4 : Number(m[3]);
      this.#i += m[0].length - 1;
    } else return node;
    this.#i++;
    if (this.src[this.#i] === "?") this.#i++; // lazy: the same strings
    return { kind: "repeat", node, min, max };
  }
}

function emit(node: Node, random: Random, out: string[]): void {
  switch (node.kind) {
    case "chars":
      out.push(node.set[random.int(0, node.set.length - 1)]!);
      return;
    case "seq":
      for (const item of node.items) emit(item, random, out);
      return;
    case "alt":
      emit(random.pick(node.options), random, out);
      return;
    case "repeat": {
      const n = random.int(node.min, node.max);
      for (let k = 0; k < n; k++) emit(node.node, random, out);
    }
  }
}

const parsed = new Map<string, Node | null>();

/** A string matching `pattern`, or `undefined` when the pattern uses what this sampler does not know. */
export function sampleRegex(pattern: string, random: Random): string | undefined {
  let node = parsed.get(pattern);
  if (node === undefined) {
    try {
      node = new Parser(pattern).parse();
    } catch {
      node = null;
    }
    parsed.set(pattern, node);
  }
  if (node === null) return undefined;
  const out: string[] = [];
  emit(node, random, out);
  return out.join("");
}

const compiled = new Map<string, RegExp | null>();

/** PostgreSQL's pattern as a JavaScript RegExp (POSIX classes and word boundaries translated); `null` if untranslatable. */
export function jsRegExp(pattern: string, caseInsensitive: boolean): RegExp | null {
  const key = `${caseInsensitive ? "i" : "-"}${pattern}`;
  let re = compiled.get(key);
  if (re === undefined) {
    const source = pattern
      .replace(/\[:(\w+):\]/g, (m, name: string) => (POSIX_CLASSES[name] ? escapeClass(POSIX_CLASSES[name]) : m))
      .replace(/\\[my]/g, "\\b")
      .replace(/\\M/g, "\\b")
      .replace(/\\A/g, "^")
      .replace(/\\Z/g, "$");
    try {
      re = new RegExp(source, caseInsensitive ? "i" : "");
    } catch {
      re = null;
    }
    compiled.set(key, re);
  }
  return re;
}

function escapeClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, "\\$&");
}
