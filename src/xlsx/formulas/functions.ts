/**
 * Functions fast-formula-parser lacks (or gets wrong for these workbooks), taken from @formulajs/formulajs:
 * RANK/RANK.EQ/RANK.AVG, MAX/MIN, VALUE, COUNTA, COUNTIFS/SUMIFS/AVERAGEIFS, MATCH, LOOKUP, SUBSTITUTE … and TEXT
 * with Chinese literals in its format (yyyy年m月d日), which the parser's SSF takes only quoted.
 */
import FormulaParser, { type Arg } from "fast-formula-parser";
import * as formulajs from "@formulajs/formulajs";

const { FormulaError } = FormulaParser;

type Fn = (...args: unknown[]) => unknown;

/** A formulajs result for the parser: formulajs returns its errors as Error objects named by their code. */
function fromFormulajs(v: unknown): unknown {
  if (v instanceof FormulaError) return v;
  if (v instanceof Error) return new FormulaError(v.message);
  return v;
}

/** A formulajs function taking the arguments' plain values (ranges as 2-D arrays). */
function plain(fn: Fn): (...args: Arg[]) => unknown {
  return (...args) => fromFormulajs(fn(...args.map((a) => a.value)));
}

function numbersOf(v: unknown): number[] {
  const out: number[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (typeof x === "number") out.push(x);
  };
  walk(v);
  return out;
}

/** RANK(number, ref, [order]): the ref's numbers only, as Excel ranks them (text and blanks are skipped). */
function rank(fn: Fn): (...args: Arg[]) => unknown {
  return (number, ref, order) => {
    const n = number?.value;
    if (n instanceof FormulaError) return n;
    if (typeof n !== "number") return FormulaError.VALUE;
    const o = order?.value;
    return fromFormulajs(fn(n, numbersOf(ref?.value), typeof o === "number" || typeof o === "boolean" ? o : 0));
  };
}

/** VALUE(text): formulajs reads text without any digit as 0, where Excel gives #VALUE!. */
function value(arg: Arg | undefined): unknown {
  const v = arg?.value;
  if (typeof v === "number" || v instanceof FormulaError) return v;
  if (typeof v !== "string" || !/\d/.test(v)) return FormulaError.VALUE;
  return fromFormulajs(formulajs.VALUE(v));
}

/** A number format with every character outside quotes and brackets that SSF does not know put in quotes. */
function quoteLiterals(format: string): string {
  let out = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch === '"' || ch === "[") {
      const close = format.indexOf(ch === '"' ? '"' : "]", i + 1);
      const end = close < 0 ? format.length : close + 1;
      out += format.slice(i, end);
      i = end - 1;
    } else if (ch === "\\") {
      out += format.slice(i, i + 2);
      i++;
    } else if (ch.charCodeAt(0) > 0x7f) {
      out += `"${ch}"`;
    } else out += ch;
  }
  return out.replace(/""/g, "");
}

function text(arg: Arg | undefined, format: Arg | undefined): unknown {
  const v = arg?.value;
  const f = format?.value;
  if (v instanceof FormulaError) return v;
  if (f instanceof FormulaError) return f;
  const n = typeof v === "number" ? v : typeof v === "boolean" ? null : Number(v ?? 0);
  if (typeof f !== "string") return FormulaError.VALUE;
  if (n === null || !Number.isFinite(n)) return typeof v === "string" ? v : FormulaError.VALUE;
  try {
    return FormulaParser.SSF.format(quoteLiterals(f), n);
  } catch {
    return FormulaError.VALUE;
  }
}

const F = formulajs as unknown as Record<string, Fn> & Record<"RANK", { EQ: Fn; AVG: Fn }>;

const PLAIN = [
  "MAX",
  "MIN",
  "MAXA",
  "MINA",
  "MAXIFS",
  "MINIFS",
  "COUNTA",
  "COUNTBLANK",
  "COUNTIFS",
  "SUMIFS",
  "AVERAGEIFS",
  "MEDIAN",
  "LARGE",
  "SMALL",
  "MATCH",
  "LOOKUP",
  "SUBSTITUTE",
  "UPPER",
  "TEXTJOIN",
] as const;

/** The custom functions handed to the parser (they replace its own of the same name). */
export function extraFunctions(): Record<string, (...args: Arg[]) => unknown> {
  const out: Record<string, (...args: Arg[]) => unknown> = {};
  for (const name of PLAIN) {
    const fn = F[name];
    if (typeof fn === "function") out[name] = plain(fn);
  }
  out["RANK"] = rank(F.RANK.EQ);
  out["RANK.EQ"] = rank(F.RANK.EQ);
  out["RANK.AVG"] = rank(F.RANK.AVG);
  out["VALUE"] = value;
  out["TEXT"] = text;
  return out;
}
