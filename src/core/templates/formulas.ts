/**
 * Computed columns of generated sheets (FieldDef.formula): each declarative formula becomes an A1 formula per
 * data row, with column letters taken from the sheet's own column order, and its cached result is computed here
 * with the spreadsheet's semantics (SUM and COUNT take numbers only; RANK ranks the numbers of its range, largest
 * first, ties sharing a rank). The engine reads formula cells by their cached result, so these results are what
 * validation sees; a real spreadsheet recalculating the file must get the same figures
 * (tests/xlsx/libreoffice-recalc.test.ts).
 *
 * Only functions that every Excel (2007+), WPS and LibreOffice version knows are used: IF, COUNT, SUM, ISNUMBER,
 * OR, RANK (not RANK.EQ, not dynamic arrays).
 */
import type { FieldDef, FieldFormula } from "./types";
import { columnLetter } from "../address";

/** A formula cell as the writers write it: the A1 text (no "=") and its cached result ("" for blank). */
export interface FormulaCell {
  readonly formula: string;
  readonly result: number | "";
}

/** Where the sheet's data rows sit. */
export interface FormulaSpan {
  readonly firstRow: number;
  readonly lastRow: number;
}

/** Σ and rank results are kept to 9 decimals, as far as the engine's own comparisons look. */
const roundResult = (x: number): number => Math.round(x * 1e9) / 1e9;

const isNumber = (v: unknown): boolean => numberOf(v) !== null;

/** A cell's number as SUM, COUNT and RANK see it: a number, or a formula's numeric result; else null. */
function numberOf(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (v !== null && typeof v === "object" && "formula" in v) {
    const result = (v as { result?: unknown }).result;
    return typeof result === "number" && Number.isFinite(result) ? result : null;
  }
  return null;
}

/** Field keys the formula reads. */
export function formulaOperands(formula: FieldFormula, fields: readonly FieldDef[]): string[] {
  switch (formula.kind) {
    case "itemSum":
      return [
        ...fields.filter((f) => f.item !== undefined).map((f) => f.key),
        ...(formula.plus ?? []),
        ...(formula.minus ?? []),
      ];
    case "rank":
      return [formula.of];
    case "ratio":
      return [formula.numerator, formula.denominator];
  }
}

/**
 * 0-based column indexes as A1 references of one row, contiguous columns joined into ranges; `$` before the
 * columns when `absoluteColumns`.
 */
export function rowRefs(indexes: readonly number[], row: number, absoluteColumns = false): string[] {
  const d = absoluteColumns ? "$" : "";
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const refs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const from = `${d}${columnLetter(sorted[i]! + 1)}${row}`;
    refs.push(j === i ? from : `${from}:${d}${columnLetter(sorted[j]! + 1)}${row}`);
    i = j + 1;
  }
  return refs;
}

/**
 * A column's formula, ready to give the formula text and cached result of each row; null when the sheet lacks
 * what it needs (no item columns, a missing operand column).
 */
export interface CompiledFormula {
  /** 0-based column index of the computed field. */
  readonly column: number;
  /** 0-based column indexes the formula reads. */
  readonly reads: readonly number[];
  text(row: number): string;
  /**
   * The cached result for data row `r` (0-based) of `values`: rows × columns of plain values (core cell values or
   * exceljs values; only numbers count), the formula columns it reads already filled.
   */
  result(values: ReadonlyArray<ReadonlyArray<unknown>>, r: number): number | "";
}

export function compileFormula(fields: readonly FieldDef[], column: number, span: FormulaSpan): CompiledFormula | null {
  const formula = fields[column]?.formula;
  if (!formula) return null;
  const indexOf = (key: string): number => fields.findIndex((f) => f.key === key);
  switch (formula.kind) {
    case "itemSum": {
      const items = fields.flatMap((f, i) => (f.item !== undefined ? [i] : []));
      if (items.length === 0) return null;
      // An operand column the sheet lacks adds nothing, as an empty cell would.
      const plus = [...items, ...(formula.plus ?? []).map(indexOf).filter((i) => i >= 0)];
      const minus = (formula.minus ?? []).map(indexOf).filter((i) => i >= 0);
      return {
        column,
        reads: [...plus, ...minus],
        text(row) {
          const sum = `SUM(${rowRefs(plus, row).join(",")})`;
          const less = minus.length > 0 ? `-SUM(${rowRefs(minus, row).join(",")})` : "";
          return `IF(COUNT(${rowRefs(items, row).join(",")})=0,"",${sum}${less})`;
        },
        result(values, r) {
          const cells = values[r] ?? [];
          if (!items.some((i) => isNumber(cells[i]))) return "";
          let total = 0;
          for (const i of plus) total += numberOf(cells[i]) ?? 0;
          for (const i of minus) total -= numberOf(cells[i]) ?? 0;
          return roundResult(total);
        },
      };
    }
    case "rank": {
      const of = indexOf(formula.of);
      if (of < 0) return null;
      const col = columnLetter(of + 1);
      const range = `$${col}$${span.firstRow}:$${col}$${span.lastRow}`;
      // The range's numbers in ascending order, sorted once per values array (which must not change meanwhile).
      let memo: { values: unknown; sorted: Float64Array } | null = null;
      return {
        column,
        reads: [of],
        text(row) {
          return `IF(ISNUMBER(${col}${row}),RANK(${col}${row},${range}),"")`;
        },
        result(values, r) {
          const x = numberOf(values[r]?.[of]);
          if (x === null) return "";
          if (memo?.values !== values) {
            const numbers = values.flatMap((row) => {
              const n = numberOf(row[of]);
              return n === null ? [] : [n];
            });
            memo = { values, sorted: Float64Array.from(numbers).sort() };
          }
          // RANK(x, range) = 1 + how many numbers of the range are larger (descending order, ties share).
          const sorted = memo.sorted;
          let lo = 0;
          let hi = sorted.length;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (sorted[mid]! <= x) lo = mid + 1;
            else hi = mid;
          }
          const larger = sorted.length - lo;
          return 1 + larger;
        },
      };
    }
    case "ratio": {
      const num = indexOf(formula.numerator);
      const den = indexOf(formula.denominator);
      if (num < 0 || den < 0) return null;
      return {
        column,
        reads: [num, den],
        text(row) {
          const n = `${columnLetter(num + 1)}${row}`;
          const d = `${columnLetter(den + 1)}${row}`;
          return `IF(OR(COUNT(${n},${d})<2,${d}=0),"",${n}/${d})`;
        },
        result(values, r) {
          const n = numberOf(values[r]?.[num]);
          const d = numberOf(values[r]?.[den]);
          return n === null || d === null || d === 0 ? "" : n / d;
        },
      };
    }
  }
}

/**
 * The compiled formulas of a sheet's columns, ordered so that a formula comes after the formulas it reads
 * (a rank of a computed total); formulas that read each other in a circle are dropped.
 */
export function sheetFormulas(fields: readonly FieldDef[], span: FormulaSpan): CompiledFormula[] {
  const pending = fields.flatMap((_, i) => {
    const c = compileFormula(fields, i, span);
    return c ? [c] : [];
  });
  const ordered: CompiledFormula[] = [];
  const done = new Set<number>();
  while (pending.length > 0) {
    const ready = pending.findIndex((c) =>
      c.reads.every((i) => i === c.column || done.has(i) || !pending.some((p) => p.column === i)),
    );
    if (ready < 0) break;
    const [c] = pending.splice(ready, 1);
    ordered.push(c!);
    done.add(c!.column);
  }
  return ordered;
}

/** Whether a value the caller gave for a computed column says the same as the formula (blank gives way too). */
function agrees(given: unknown, result: number | ""): boolean {
  if (given === null || given === undefined || given === "") return true;
  return typeof given === "number" && typeof result === "number" && Math.abs(given - result) <= 1e-9;
}

/**
 * Fills the computed columns of `values` (rows × columns, in place) with formula cells. A row whose given value
 * disagrees with what its formula would compute keeps the given value, so callers' data is never rewritten.
 */
export function applyFormulas<T>(
  fields: readonly FieldDef[],
  values: Array<Array<T | FormulaCell>>,
  span: FormulaSpan,
): void {
  for (const c of sheetFormulas(fields, span)) {
    // Every row's result first: a rank reads the whole column as it stands before this column is written.
    const results = values.map((_, r) => c.result(values, r));
    values.forEach((row, r) => {
      const result = results[r]!;
      if (agrees(row[c.column], result)) row[c.column] = { formula: c.text(span.firstRow + r), result };
    });
  }
}

/** A sentence for the 说明 sheet about a computed column. */
export function describeFormula(field: FieldDef, fields: readonly FieldDef[]): string | null {
  const formula = field.formula;
  if (!formula) return null;
  const header = (key: string): string => fields.find((f) => f.key === key)?.header ?? key;
  switch (formula.kind) {
    case "itemSum": {
      const plus = (formula.plus ?? []).map((k) => ` + ${header(k)}`).join("");
      const minus = (formula.minus ?? []).map((k) => ` − ${header(k)}`).join("");
      return `${field.header} = 各考核项目得分之和${plus}${minus}（考核项目都未填时为空）`;
    }
    case "rank":
      return `${field.header}按${header(formula.of)}从高到低排列，并列同名次（如 1、2、2、4），只在模板原有的行之间排`;
    case "ratio":
      return `${field.header} = ${header(formula.numerator)} ÷ ${header(formula.denominator)}`;
  }
}
