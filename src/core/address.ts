/** 1-based column number to letters: 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let n = col;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function cellAddress(row: number, col: number): string {
  return columnLetter(col) + String(row);
}

/** "E12" → { row: 12, col: 5 }; null when not an A1 address. */
export function parseAddress(address: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(address.toUpperCase());
  if (!m || !m[1] || !m[2]) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}
