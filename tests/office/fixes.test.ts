/**
 * 修正 in Excel (issue 10): the Office adapter's applyFixes / undoFixes against the Excel fake, on the messy
 * sample roster and on the `zhibu fix` fixture. The fixes are what the core derives from validating what the
 * adapter read; the fake's grid is compared cell by cell (value, formula, number format, fill, font) before and
 * after, and its syncs are counted.
 */
import path from "node:path";
import type { ExcelHost, FixRecord } from "../../addin/office/port";
import { mergeFixRecords } from "../../addin/office/port";
import { rowGuards } from "../../addin/taskpane/fix-model";
import { type ValidationResult, validateWorkbook } from "../../src/core/engine";
import { type Fix, deriveFixes } from "../../src/core/fixes";
import { formatIssue } from "../../src/core/messages";
import { parseAddress, cellAddress } from "../../src/core/address";
import { isDateFormatCode } from "../../src/core/number-format";
import { toExcelSerial } from "../../src/core/dates";
import type { CellDate } from "../../src/core/types";
import { COL_LIMIT, type FakeExcel, FakeOfficeError, type GridCell, fakeFromXlsx, gridCell } from "../fakes/excel-fake";
import { SAMPLES, adapterOver } from "./helpers";

const AS_OF: CellDate = { kind: "date", y: 2026, m: 11, d: 21 };
const FIXABLE = path.join(__dirname, "..", "fixtures", "fix", "fixable-roster.xlsx");
const MESSY = path.join(SAMPLES, "roster-messy.xlsx");

/** Every cell that is not empty-General-unfilled (a missing cell is exactly that), as sheet!A1 → its contents. */
function gridOf(fake: FakeExcel): Map<string, GridCell> {
  const out = new Map<string, GridCell>();
  for (const s of fake.grid.sheets) {
    for (const [key, cell] of s.cells) {
      const blank =
        cell.value === "" &&
        cell.formula === undefined &&
        cell.format === "General" &&
        cell.fill === null &&
        !cell.font;
      if (!blank)
        out.set(`${s.name}!${cellAddress(Math.floor(key / COL_LIMIT), key % COL_LIMIT)}`, structuredClone(cell));
    }
  }
  return out;
}

/** The sheet!A1 keys whose contents differ between two grids. */
function changedCells(a: Map<string, GridCell>, b: Map<string, GridCell>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => JSON.stringify(a.get(k)) !== JSON.stringify(b.get(k))).sort();
}

const where = (f: { sheet: string; cell: string }) => `${f.sheet}!${f.cell}`;

function cellOf(fake: FakeExcel, sheet: string, address: string): GridCell | undefined {
  const a = parseAddress(address)!;
  return gridCell(fake.sheet(sheet), a.row, a.col);
}

async function validated(host: ExcelHost): Promise<ValidationResult> {
  return validateWorkbook(await host.readWorkbook(), { asOf: AS_OF });
}

async function setup(
  file: string,
): Promise<{ fake: FakeExcel; host: ExcelHost; result: ValidationResult; fixes: Fix[] }> {
  const fake = await fakeFromXlsx(file);
  const host = adapterOver(fake);
  const result = await validated(host);
  const fixes = deriveFixes(result);
  fake.resetStats();
  return { fake, host, result, fixes };
}

const issueLines = (r: ValidationResult) =>
  r.issues.map((i) => [i.rule, i.sheet, i.cell, i.person, formatIssue(i, "zh-CN")]);

describe.each([
  ["roster-messy.xlsx", MESSY],
  ["fixable-roster.xlsx", FIXABLE],
])("applyFixes / undoFixes on %s", (_name, file) => {
  test("writes exactly the fixed cells in 1 read and 1 write sync; dates become dates in the template's format", async () => {
    const { fake, host, fixes } = await setup(file);
    expect(fixes.length).toBeGreaterThan(5);
    const before = gridOf(fake);

    const outcome = await host.applyFixes(fixes);
    expect(fake.stats.syncs).toBe(2);
    expect(outcome.refused).toEqual([]);
    expect(outcome.record.cells.map(where)).toEqual(fixes.map(where));
    const after = gridOf(fake);
    expect(changedCells(before, after)).toEqual(fixes.map(where).sort());

    for (const fix of fixes) {
      const cell = cellOf(fake, fix.sheet, fix.cell);
      const entry = outcome.record.cells.find((c) => where(c) === where(fix))!;
      if (typeof fix.to === "object") {
        expect(cell).toMatchObject({ value: toExcelSerial(fix.to), format: fix.format });
        expect(isDateFormatCode(cell!.format)).toBe(true);
      } else {
        expect(cell?.value).toBe(fix.to);
      }
      // The record holds what the cell held and what Excel reported after the write.
      expect(entry.after).toEqual({ value: cell!.value, numberFormat: cell!.format });
      const was = before.get(where(fix));
      expect(entry.before).toEqual({ value: was?.value ?? "", numberFormat: was?.format ?? "General" });
    }
    // Events were switched off for the write and are on again.
    expect(fake.eventsEnabled).toBe(true);
  });

  test("re-validating shows none of the fixed issues and every other issue unchanged", async () => {
    const { host, result, fixes } = await setup(file);
    await host.applyFixes(fixes, rowGuards(result, fixes));
    const now = await validated(host);
    const fixed = new Set(fixes.map((f) => `${f.rule} ${f.sheet}!${f.cell}`));
    const expected = result.issues.filter((i) => !fixed.has(`${i.rule} ${i.sheet}!${i.cell}`));
    expect(expected.length).toBeLessThan(result.issues.length);
    expect(issueLines(now)).toEqual(issueLines({ ...result, issues: expected }));
    expect(deriveFixes(now)).toEqual([]);
  });

  test("undo restores every value and number format exactly, in 1 read and 1 write sync", async () => {
    const { fake, host, fixes } = await setup(file);
    const before = gridOf(fake);
    const { record } = await host.applyFixes(fixes);
    expect(changedCells(before, gridOf(fake)).length).toBe(fixes.length);
    fake.resetStats();

    const undone = await host.undoFixes(record);
    expect(fake.stats.syncs).toBe(2);
    expect(undone).toEqual({ restored: fixes.length, refused: [] });
    expect(changedCells(before, gridOf(fake))).toEqual([]);
    // Text that Excel would read as a number or a date (19930928, 2015年7月1日, 3000) is text again.
    const validatedAgain = deriveFixes(await validated(host));
    expect(validatedAgain).toEqual(fixes);
  });

  test("a cell edited since validation is refused and left as the user typed it; the others are fixed", async () => {
    const { fake, host, fixes } = await setup(file);
    const [edited, ...rest] = fixes as [Fix, ...Fix[]];
    fake.userEdit(edited.sheet, edited.cell, "张三丰");
    const before = gridOf(fake);
    fake.resetStats();

    const outcome = await host.applyFixes(fixes);
    expect(fake.stats.syncs).toBe(2);
    expect(outcome.refused).toEqual([{ sheet: edited.sheet, cell: edited.cell, reason: "changed" }]);
    expect(outcome.record.cells.map(where)).toEqual(rest.map(where));
    expect(cellOf(fake, edited.sheet, edited.cell)?.value).toBe("张三丰");
    expect(changedCells(before, gridOf(fake))).toEqual(rest.map(where).sort());
  });

  test("a cell edited after the fix is refused by undo and left alone; the others are restored", async () => {
    const { fake, host, fixes } = await setup(file);
    const before = gridOf(fake);
    const { record } = await host.applyFixes(fixes);
    const last = fixes[fixes.length - 1]!;
    fake.userEdit(last.sheet, last.cell, "改过了");
    const edited = gridOf(fake).get(where(last));

    const undone = await host.undoFixes(record);
    expect(undone).toEqual({
      restored: fixes.length - 1,
      refused: [{ sheet: last.sheet, cell: last.cell, reason: "changed" }],
    });
    expect(changedCells(before, gridOf(fake))).toEqual([where(last)]);
    expect(gridOf(fake).get(where(last))).toEqual(edited);
  });
});

describe("applyFixes: what it refuses and what it costs", () => {
  test("1 read and 1 write sync whatever the number of fixes; none when nothing is to be fixed", async () => {
    const { fake, host, result, fixes } = await setup(MESSY);
    expect(fixes.length).toBeGreaterThan(50);
    await host.applyFixes(fixes.slice(0, 1));
    expect(fake.stats.syncs).toBe(2);
    fake.resetStats();
    // The rows' guards are read in the same sync.
    const rest = await host.applyFixes(fixes.slice(1), rowGuards(result, fixes.slice(1)));
    expect(rest.record.cells).toHaveLength(fixes.length - 1);
    expect(fake.stats.syncs).toBe(2);
    fake.resetStats();
    await expect(host.applyFixes([])).resolves.toEqual({ record: { cells: [] }, refused: [] });
    await expect(host.undoFixes({ cells: [] })).resolves.toEqual({ restored: 0, refused: [] });
    expect(fake.stats.syncs).toBe(0);
    // Every cell already fixed: refused after the one read, nothing written.
    const again = await host.applyFixes(fixes);
    expect(fake.stats.syncs).toBe(1);
    expect(again.record.cells).toEqual([]);
    expect(again.refused).toHaveLength(fixes.length);
  });

  test("after a row is inserted above, the moved rows' guards refuse their fixes, even a fill of an empty cell", async () => {
    const { fake, host, result, fixes } = await setup(FIXABLE);
    // F6 (宋筠荷's empty 出生日期) is filled from her ID; after a row is inserted at 6 the new, empty F6 would match.
    const fill = fixes.find((f) => f.cell === "F6")!;
    expect(fill.from).toBeNull();
    fake.userInsertRows("花名册", 6);
    expect(cellOf(fake, "花名册", "F6")).toBeUndefined();
    const before = gridOf(fake);

    const outcome = await host.applyFixes(fixes, rowGuards(result, fixes));
    const moved = fixes.filter((f) => f.row >= 6);
    expect(moved.map((f) => f.cell)).toContain("F6");
    expect(outcome.refused.map(where).sort()).toEqual(moved.map(where).sort());
    expect(outcome.record.cells.map(where)).toEqual(fixes.filter((f) => f.row < 6).map(where));
    expect(changedCells(before, gridOf(fake))).toEqual(
      fixes
        .filter((f) => f.row < 6)
        .map(where)
        .sort(),
    );
  });

  test("a formula in a fixed cell is never overwritten", async () => {
    const { fake, host, fixes } = await setup(FIXABLE);
    const dues = fixes.find((f) => f.rule === "roster.dues.rate")!;
    // The same value as validated, but now a formula.
    fake.userEdit(dues.sheet, dues.cell, `=${String(dues.from)}`);
    expect(cellOf(fake, dues.sheet, dues.cell)?.formula).toBeDefined();
    const outcome = await host.applyFixes([dues]);
    expect(outcome.refused).toEqual([{ sheet: dues.sheet, cell: dues.cell, reason: "formula" }]);
    expect(cellOf(fake, dues.sheet, dues.cell)?.formula).toBe(`=${String(dues.from)}`);
    expect(fake.stats.syncs).toBe(1);
  });

  test("a number fixed into a text-formatted cell gets the General format, and undo puts 文本 back", async () => {
    const { fake, host, fixes } = await setup(FIXABLE);
    const number = fixes.find((f) => f.rule === "fix.text-number")!;
    // The user had made the column text (@) before validating: the value is the same text.
    const a = parseAddress(number.cell)!;
    fake.sheet(number.sheet).cells.get(a.row * COL_LIMIT + a.col)!.format = "@";
    const { record } = await host.applyFixes([number]);
    expect(cellOf(fake, number.sheet, number.cell)).toMatchObject({ value: number.to, format: "General" });
    await host.undoFixes(record);
    expect(cellOf(fake, number.sheet, number.cell)).toMatchObject({ value: number.from, format: "@" });
  });

  test("host errors reject with the host's own error and write nothing; events are on again", async () => {
    const { fake, host, fixes } = await setup(FIXABLE);
    const before = gridOf(fake);
    const error = new FakeOfficeError("GeneralException", "An internal error has occurred.");
    fake.failAtSync(2, error);
    await expect(host.applyFixes(fixes)).rejects.toBe(error);
    expect(changedCells(before, gridOf(fake))).toEqual([]);
    expect(fake.eventsEnabled).toBe(true);

    fake.resetStats();
    const { record } = await host.applyFixes(fixes);
    fake.resetStats();
    fake.failAtSync(1, error);
    await expect(host.undoFixes(record)).rejects.toBe(error);
  });

  test("a sheet renamed or deleted since validation: its cells are refused as changed, the others fixed", async () => {
    const { fake, host, fixes } = await setup(FIXABLE);
    const before = gridOf(fake);
    const elsewhere = { ...fixes[0]!, sheet: "不存在" };
    const { record, refused } = await host.applyFixes([elsewhere, ...fixes.slice(1)]);
    expect(refused).toEqual([{ sheet: "不存在", cell: elsewhere.cell, reason: "changed" }]);
    expect(changedCells(before, gridOf(fake))).toEqual(fixes.slice(1).map(where).sort());
    // The failed read, the sheet names, the read again, the write.
    expect(fake.stats.syncs).toBe(4);

    const sheet = fixes[0]!.sheet;
    fake.userRenameSheet(sheet, `${sheet}（改名）`);
    const renamed = gridOf(fake);
    const undo = await host.undoFixes(record);
    expect(undo.restored).toBe(0);
    expect(undo.refused.map(where).sort()).toEqual(record.cells.map(where).sort());
    expect(changedCells(renamed, gridOf(fake))).toEqual([]);

    await expect(host.applyFixes(fixes)).resolves.toMatchObject({ record: { cells: [] } });
  });
});

describe("mergeFixRecords", () => {
  const state = (value: string | number, numberFormat = "General") => ({ value, numberFormat });
  const a: FixRecord = {
    cells: [
      { sheet: "S", cell: "B2", before: state(" 甲"), after: state("甲") },
      { sheet: "S", cell: "C2", before: state("汉"), after: state("汉族") },
    ],
  };

  test("a cell fixed again right after keeps its first before; a new cell is added", () => {
    const b: FixRecord = {
      cells: [
        { sheet: "S", cell: "b2", before: state("甲"), after: state("甲乙") },
        { sheet: "S", cell: "D2", before: state("2015.7.1"), after: state(42186, "yyyy-mm-dd") },
      ],
    };
    expect(mergeFixRecords(a, b).cells).toEqual([
      { sheet: "S", cell: "b2", before: state(" 甲"), after: state("甲乙") },
      a.cells[1],
      b.cells[1],
    ]);
    expect(mergeFixRecords(null, b)).toEqual(b);
  });

  test("a cell the user changed between the two fixes takes the newer entry only", () => {
    const b: FixRecord = { cells: [{ sheet: "S", cell: "C2", before: state("汉 "), after: state("汉族") }] };
    expect(mergeFixRecords(a, b).cells).toEqual([a.cells[0], b.cells[0]]);
  });
});

describe("officeFixStore", () => {
  const saved = new Map<string, unknown>();
  beforeAll(() => {
    (globalThis as { Office?: unknown }).Office = {
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      context: {
        document: {
          settings: {
            get: (key: string) => saved.get(key) ?? null,
            set: (key: string, value: unknown) => void saved.set(key, value),
            remove: (key: string) => void saved.delete(key),
            saveAsync: (done: (r: { status: string }) => void) => done({ status: "succeeded" }),
          },
        },
      },
    };
  });
  afterAll(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  test("keeps the undo record in the document settings under zhibu.fixes, next to the marks", async () => {
    const { officeFixStore, officeMarkStore } = await import("../../addin/office/connect");
    const { host, fixes } = await setup(FIXABLE);
    const { record } = await host.applyFixes(fixes);
    const store = officeFixStore();
    expect(store.load()).toBeNull();
    await store.save(record);
    expect(typeof saved.get("zhibu.fixes")).toBe("string");
    // A reopened pane reads the same record.
    expect(officeFixStore().load()).toEqual(record);
    expect(officeMarkStore().load()).toBeNull();
    saved.set("zhibu.fixes", JSON.stringify({ cells: [{ sheet: "S", cell: "A1", before: {} }] }));
    expect(officeFixStore().load()).toBeNull();
    saved.set("zhibu.fixes", "{not json");
    expect(officeFixStore().load()).toBeNull();
    await store.save(null);
    expect(saved.has("zhibu.fixes")).toBe(false);
  });
});
