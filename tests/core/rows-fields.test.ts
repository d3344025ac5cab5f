/**
 * Rows find a field by name or by reference (`fieldRef`), whenever the reference was made: before the rows were
 * laid out, or after (a key first named at run time). A row memo is computed once per row, also when one row
 * object is refilled for every sheet row.
 */
import type { FieldDef, TemplateDef } from "../../src/core/templates/types";
import type { SheetSnapshot } from "../../src/core/types";
import { type DataRow, fieldRef, forEachDataRow, readDataRows, rowMemo } from "../../src/core/rows";

const fields: FieldDef[] = [
  { key: "rowsTest.name", header: "姓名", type: "text" },
  { key: "rowsTest.score", header: "得分", type: "number", min: 0 },
  { key: "rowsTest.absent", header: "备注", type: "text" },
];
const template: TemplateDef = { id: "rowsTest", sheetName: "t", title: "t", description: "t", fields };
// The sheet has 姓名 and 得分 (in the other order), not 备注.
const columns = [
  { field: fields[1]!, index: 0, header: "得分" },
  { field: fields[0]!, index: 1, header: "姓名" },
];
const match = { template, headerIndex: 0, columns };
const sheet: SheetSnapshot = {
  name: "t",
  values: [
    ["得分", "姓名"],
    [90, "张伟"],
    [null, null],
    [" 7", "李强 "],
  ],
};

test("a field by reference reads as by name, for references made before and after the layout", () => {
  const before = fieldRef("rowsTest.name");
  const rows = readDataRows(sheet, match);
  const after = fieldRef("rowsTest.score");
  const missing = fieldRef("rowsTest.absent");
  expect(rows.map((r) => r.row)).toEqual([2, 4]);
  for (const row of rows) {
    expect(row.value(before)).toEqual(row.value("rowsTest.name"));
    expect(row.value(after)).toEqual(row.value("rowsTest.score"));
    expect(row.raw(after)).toEqual(row.raw("rowsTest.score"));
    expect(row.filled(after)).toBe(true);
    expect(row.has(missing)).toBe(false);
    expect(row.value(missing)).toBeNull();
    expect(row.filled(missing)).toBe(false);
  }
  expect(rows.map((r) => [r.text(before), r.num(after)])).toEqual([
    ["张伟", 90],
    ["李强", 7],
  ]);
});

test("a row memo is made once per row, and afresh for the next row when one row object is refilled", () => {
  let made = 0;
  const initial = rowMemo((row: DataRow) => {
    made++;
    return row.text("rowsTest.name")?.[0] ?? "";
  });
  const seen: string[] = [];
  forEachDataRow(
    sheet,
    match,
    (row) => {
      seen.push(row.memo(initial), row.memo(initial));
    },
    true,
  );
  expect(seen).toEqual(["张", "张", "李", "李"]);
  expect(made).toBe(2);
});
