import type { FieldDef } from "../templates/types";
import type { DataRow } from "../rows";
import type { FixInput } from "./types";

/** Calls `visit` for every data row and every bound field of the sheet that `want` selects. */
export function eachFieldCell(
  input: FixInput,
  want: (field: FieldDef) => boolean,
  visit: (row: DataRow, field: FieldDef) => void,
): void {
  const fields = input.ctx.match.columns.map((c) => c.field).filter(want);
  if (fields.length === 0) return;
  for (const row of input.ctx.rows) for (const field of fields) visit(row, field);
}
