/**
 * A small spreadsheet formula evaluator for the Excel fake: enough of Excel's grammar and semantics for the
 * formulas generated templates write (IF, COUNT, SUM, ISNUMBER, OR, AND, RANK, LEN, TRIM, arithmetic, comparison,
 * `&`), with Excel's rules: SUM/COUNT over ranges take numbers only, a blank cell is 0 in arithmetic and "" or 0 in
 * comparisons, RANK is 1 + the count of larger numbers. Unknown functions give #NAME?.
 */
import { parseAddress } from "../../src/core/address";

export type Scalar = number | string | boolean | { readonly error: string } | null;
type Value = Scalar | { readonly range: Scalar[] };

/** Reads a cell's current value (a formula cell evaluated); null for blank. */
export type CellReader = (row: number, col: number) => Scalar;

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; v: string }
  | { t: "name"; v: string }
  | { t: "op"; v: string };

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === " ") {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = "";
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          s += '"';
          i += 2;
        } else if (text[i] === '"') break;
        else s += text[i++];
      }
      i++;
      out.push({ t: "str", v: s });
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(text.slice(i));
    if (num) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const ref = /^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?/.exec(text.slice(i));
    if (ref && !/^[A-Z(]/.test(text.slice(i + ref[0].length))) {
      out.push({ t: "ref", v: ref[0].replace(/\$/g, "") });
      i += ref[0].length;
      continue;
    }
    const name = /^[A-Z][A-Z0-9.]*/.exec(text.slice(i));
    if (name) {
      out.push({ t: "name", v: name[0] });
      i += name[0].length;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === "<>" || two === "<=" || two === ">=") {
      out.push({ t: "op", v: two });
      i += 2;
      continue;
    }
    out.push({ t: "op", v: ch });
    i++;
  }
  return out;
}

const isError = (v: unknown): v is { error: string } => typeof v === "object" && v !== null && "error" in v;

function toNumber(v: Scalar): number | { error: string } {
  if (v === null || v === "") return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v !== "string") return v;
  const n = Number(v);
  return Number.isFinite(n) && v.trim() !== "" ? n : { error: "#VALUE!" };
}

function toBool(v: Scalar): boolean | { error: string } {
  if (isError(v)) return v;
  if (typeof v === "boolean") return v;
  if (v === null || v === "") return false;
  if (typeof v === "number") return v !== 0;
  return { error: "#VALUE!" };
}

function scalar(v: Value): Scalar {
  if (v !== null && typeof v === "object" && "range" in v) return v.range[0] ?? null;
  return v;
}

function compare(a: Scalar, b: Scalar, op: string): boolean {
  // Blank compares as the other side's kind of empty.
  const x = a === null ? (typeof b === "string" ? "" : 0) : a;
  const y = b === null ? (typeof a === "string" ? "" : 0) : b;
  let c: number;
  if (typeof x === "number" && typeof y === "number") c = x - y;
  else if (typeof x === "string" && typeof y === "string")
    c = x.toLowerCase() < y.toLowerCase() ? -1 : x.toLowerCase() > y.toLowerCase() ? 1 : 0;
  else if (typeof x === typeof y) c = Number(x) - Number(y);
  else c = typeof x === "number" ? -1 : typeof y === "number" ? 1 : typeof x === "string" ? -1 : 1; // numbers < text < booleans
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    default:
      return c >= 0;
  }
}

function numbersOf(args: Value[]): number[] {
  const out: number[] = [];
  for (const a of args) {
    if (a !== null && typeof a === "object" && "range" in a) {
      for (const v of a.range) if (typeof v === "number") out.push(v);
    } else if (typeof a === "number") out.push(a);
    else if (typeof a === "boolean") out.push(a ? 1 : 0);
  }
  return out;
}

/** Evaluates `formula` ("=…" or without "="); `read` gives cell values of the same sheet. */
export function evaluateFormula(formula: string, read: CellReader): Scalar {
  const tokens = tokenize(formula.replace(/^=/, ""));
  let p = 0;
  const peek = (): Token | undefined => tokens[p];
  const isOp = (v: string): boolean => {
    const t = tokens[p];
    return t !== undefined && t.t === "op" && t.v === v;
  };

  const rangeValue = (ref: string): Value => {
    const [a, b] = ref.split(":");
    const tl = parseAddress(a ?? "");
    const br = b ? parseAddress(b) : tl;
    if (!tl || !br) return { error: "#REF!" };
    if (!b) return read(tl.row, tl.col);
    const range: Scalar[] = [];
    for (let r = tl.row; r <= br.row; r++) for (let c = tl.col; c <= br.col; c++) range.push(read(r, c));
    return { range };
  };

  const call = (name: string, args: Value[]): Scalar => {
    switch (name) {
      case "SUM":
        return numbersOf(args).reduce((s, n) => s + n, 0);
      case "COUNT":
        return numbersOf(args).length;
      case "ISNUMBER":
        return typeof scalar(args[0] ?? null) === "number";
      case "OR":
      case "AND": {
        const bools = args.map((a) => toBool(scalar(a)));
        const err = bools.find(isError);
        if (err) return err;
        return name === "OR" ? bools.some((b) => b === true) : bools.every((b) => b === true);
      }
      case "LEN":
        return String(scalar(args[0] ?? null) ?? "").length;
      case "TRIM":
        return String(scalar(args[0] ?? null) ?? "").trim();
      case "RANK": {
        const x = scalar(args[0] ?? null);
        if (typeof x !== "number") return { error: "#VALUE!" };
        const nums = numbersOf([args[1] ?? null]);
        if (!nums.includes(x)) return { error: "#N/A" };
        return 1 + nums.filter((n) => n > x).length;
      }
      default:
        return { error: "#NAME?" };
    }
  };

  const primary = (): Value => {
    const t = peek();
    if (!t) return { error: "#VALUE!" };
    p++;
    if (t.t === "num") return t.v;
    if (t.t === "str") return t.v;
    if (t.t === "ref") return rangeValue(t.v);
    if (t.t === "op" && t.v === "(") {
      const v = expr();
      p++; // ")"
      return v;
    }
    if (t.t === "name") {
      if (t.v === "TRUE" || t.v === "FALSE") return t.v === "TRUE";
      p++; // "("
      const args: Value[] = [];
      if (!isOp(")")) {
        args.push(expr());
        while (isOp(",")) {
          p++;
          args.push(expr());
        }
      }
      p++; // ")"
      if (t.v === "IF") {
        const cond = toBool(scalar(args[0] ?? null));
        if (isError(cond)) return cond;
        return cond ? scalar(args[1] ?? true) : args.length > 2 ? scalar(args[2] ?? null) : false;
      }
      return call(t.v, args);
    }
    return { error: "#VALUE!" };
  };

  const unary = (): Value => {
    if (isOp("-")) {
      p++;
      const n = toNumber(scalar(unary()));
      return isError(n) ? n : -n;
    }
    return primary();
  };

  const arith = (next: () => Value, ops: string[]): Value => {
    let left = next();
    while (ops.some(isOp)) {
      const op = (tokens[p++] as { v: string }).v;
      const a = toNumber(scalar(left));
      const b = toNumber(scalar(next()));
      if (isError(a)) left = a;
      else if (isError(b)) left = b;
      else if (op === "+") left = a + b;
      else if (op === "-") left = a - b;
      else if (op === "*") left = a * b;
      else left = b === 0 ? { error: "#DIV/0!" } : a / b;
    }
    return left;
  };
  const term = (): Value => arith(unary, ["*", "/"]);
  const additive = (): Value => arith(term, ["+", "-"]);
  const concat = (): Value => {
    let left = additive();
    while (isOp("&")) {
      p++;
      const right = scalar(additive());
      left = `${String(scalar(left) ?? "")}${String(right ?? "")}`;
    }
    return left;
  };
  const expr = (): Value => {
    let left = concat();
    while (["=", "<>", "<", ">", "<=", ">="].some(isOp)) {
      const op = (tokens[p++] as { v: string }).v;
      const a = scalar(left);
      const b = scalar(concat());
      left = isError(a) ? a : isError(b) ? b : compare(a, b, op);
    }
    return left;
  };

  return scalar(expr());
}
