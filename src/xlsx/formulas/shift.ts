/**
 * A shared formula's text as it stands in another cell of its range: every relative reference moved by the
 * cell's offset from the master cell (`$` parts stay), as Excel fills it. String literals, quoted sheet names,
 * sheet-name prefixes, bracketed parts (external books, structured references) and function names are left alone;
 * a reference moved off the sheet becomes #REF!. No Node imports: the standalone page uses it too.
 */

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

// One alternative per token kind; the first three are skipped as they are.
const TOKEN = new RegExp(
  [
    /"(?:[^"]|"")*"/.source, // a string literal
    /'(?:[^']|'')*'!/.source, // a quoted sheet name
    /\[[^\]]*\]/.source, // [external book] or [structured reference]
    // A cell: not part of a longer name, not a sheet name (!) or a function name (().
    /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_.(!])/.source,
    // A column range A:C.
    /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_.(!])/.source,
    // A row range 3:5.
    /(?<![A-Za-z0-9_.$:])(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![A-Za-z0-9_.:])/.source,
  ].join("|"),
  "g",
);

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function moveColumn(abs: string, letters: string, by: number): string | null {
  const col = columnNumber(letters);
  if (col > MAX_COLS) return null;
  const moved = abs ? col : col + by;
  return moved >= 1 && moved <= MAX_COLS ? abs + columnLetters(moved) : null;
}

function moveRow(abs: string, digits: string, by: number): string | null {
  const row = Number(digits);
  const moved = abs ? row : row + by;
  return moved >= 1 && moved <= MAX_ROWS ? abs + String(moved) : null;
}

/** `formula` (the master cell's) moved by `rows` and `cols`. */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return formula.replace(TOKEN, (...m: (string | undefined)[]) => {
    const whole = m[0] as string;
    if (m[2] !== undefined) {
      if (columnNumber(m[2]) > MAX_COLS) return whole; // a name such as ABCD1 is not a cell
      const c = moveColumn(m[1] ?? "", m[2], cols);
      const r = moveRow(m[3] ?? "", m[4] ?? "", rows);
      return c === null || r === null ? "#REF!" : c + r;
    }
    if (m[6] !== undefined) {
      if (columnNumber(m[6]) > MAX_COLS || columnNumber(m[8] ?? "") > MAX_COLS) return whole;
      const a = moveColumn(m[5] ?? "", m[6], cols);
      const b = moveColumn(m[7] ?? "", m[8] ?? "", cols);
      return a === null || b === null ? "#REF!" : `${a}:${b}`;
    }
    if (m[10] !== undefined) {
      const a = moveRow(m[9] ?? "", m[10], rows);
      const b = moveRow(m[11] ?? "", m[12] ?? "", rows);
      return a === null || b === null ? "#REF!" : `${a}:${b}`;
    }
    return whole;
  });
}
