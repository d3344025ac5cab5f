/**
 * Issue 9: workbooks as schools keep them, written by four other programs (openpyxl, XlsxWriter, SheetJS,
 * LibreOffice Calc; see tests/fixtures/realworld/README.md and make.py). Each is read through the fast reader and
 * through the exceljs fallback (the two snapshots must agree), validated at 2026-11-21 and compared with
 * expected.json, which was worked out from SPEC.md: the header block, the records, the rows that are not records,
 * the key columns, every planted issue (and no other), and for rosters a few summary figures.

 */
import fs from "node:fs";
import path from "node:path";
import type { CellValue, MergeRange, WorkbookSnapshot } from "../../src/core/types";
import { type SheetReport, validateWorkbook } from "../../src/core/engine";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import { summarizeContexts } from "../../src/core/summary/index";
import type { RosterSummary } from "../../src/core/summary/roster";
import { cellAddress } from "../../src/core/address";
import { isCellDate } from "../../src/core/coerce";
import { formatDate } from "../../src/core/dates";
import { AS_OF } from "../helpers/build";

const DIR = path.join(__dirname, "..", "fixtures", "realworld");

interface SkippedRow {
  readonly row: number;
  readonly kind: "note" | "total" | "footer" | "section";
}

interface ExpectedSheet {
  readonly sheet: string;
  readonly template: string | null;
  readonly headerRows?: [number, number];
  readonly headerRow?: number;
  readonly dataRows?: number;
  readonly skippedRows?: SkippedRow[];
  readonly columns?: Record<string, string>;
  readonly issues: Array<[string, string | null]>;
  readonly summary?: Pick<RosterSummary, "members" | "byCategory" | "byGroup" | "duesMonthlyTotal">;
}

interface ExpectedFile {
  readonly file: string;
  readonly producer: string;
  readonly sheets: ExpectedSheet[];
}

/** The sheet report with the header-block fields of issue 9 (optional until they exist). */
type Report = SheetReport & { headerRows?: readonly [number, number]; skippedRows?: readonly SkippedRow[] };

const expected = JSON.parse(fs.readFileSync(path.join(DIR, "expected.json"), "utf8")) as { files: ExpectedFile[] };

/** A snapshot as address → value for the non-empty cells, plus its merges: independent of how rows are padded. */
function cellsOf(snapshot: WorkbookSnapshot): Record<string, { cells: Record<string, unknown>; merges: string[] }> {
  const out: Record<string, { cells: Record<string, unknown>; merges: string[] }> = {};
  for (const sheet of snapshot.sheets) {
    const cells: Record<string, unknown> = {};
    const top = sheet.originRow ?? 1;
    const left = sheet.originCol ?? 1;
    sheet.values.forEach((row, r) =>
      row.forEach((v: CellValue, c) => {
        if (v === null || v === "") return;
        cells[cellAddress(top + r, left + c)] = isCellDate(v) ? formatDate(v) : v;
      }),
    );
    const merges = (sheet.merges ?? []).map(
      (m: MergeRange) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`,
    );
    out[sheet.name] = { cells, merges: merges.sort() };
  }
  return out;
}

const issueKey = (rule: string, cell: string | null) => `${rule} @ ${cell ?? "-"}`;

describe.each(expected.files)("$file ($producer)", (file) => {
  // Each reader on its own: one that cannot open the file fails its own tests only.
  const read: Partial<Record<"fast" | "exceljs", Promise<WorkbookSnapshot>>> = {};
  const snapshot = (reader: "fast" | "exceljs") =>
    (read[reader] ??= readWorkbookBuffer(fs.readFileSync(path.join(DIR, file.file)), file.file, {
      keepWorkbook: reader === "exceljs",
    }).then((r) => r.snapshot));

  test("the fast reader and the exceljs fallback read the same cells and merges", async () => {
    expect(cellsOf(await snapshot("fast"))).toEqual(cellsOf(await snapshot("exceljs")));
  });

  for (const reader of ["fast", "exceljs"] as const) {
    describe(`through the ${reader} reader`, () => {
      const run = async () => validateWorkbook(await snapshot(reader), { asOf: AS_OF });

      test("header block, records, skipped rows and key columns", async () => {
        const result = await run();
        for (const want of file.sheets) {
          const got = result.sheets.find((s) => s.sheet === want.sheet) as Report | undefined;
          expect(got).toBeDefined();
          expect(got!.template).toBe(want.template);
          if (want.template === null) continue;
          expect({
            headerRows: got!.headerRows,
            headerRow: got!.headerRow,
            dataRows: got!.dataRows,
            skippedRows: got!.skippedRows,
          }).toEqual({
            headerRows: want.headerRows,
            headerRow: want.headerRow,
            dataRows: want.dataRows,
            skippedRows: want.skippedRows,
          });
          const columns: Record<string, string | undefined> = {};
          for (const key of Object.keys(want.columns ?? {})) columns[key] = got!.columns[key];
          expect(columns).toEqual(want.columns);
        }
      });

      test("exactly the planted issues", async () => {
        const result = await run();
        for (const want of file.sheets) {
          const got = result.issues.filter((i) => i.sheet === want.sheet).map((i) => issueKey(i.rule, i.cell));
          expect(got.sort()).toEqual(want.issues.map(([rule, cell]) => issueKey(rule, cell)).sort());
        }
      });

      const rosters = file.sheets.filter((s) => s.summary);
      if (rosters.length > 0)
        test("roster figures: members, by category, by 党小组, monthly dues", async () => {
          const result = await run();
          const summary = summarizeContexts(result.contexts, AS_OF)["roster"] as RosterSummary;
          const want = rosters[0]!.summary!;
          expect({
            members: summary.members,
            byCategory: summary.byCategory,
            byGroup: summary.byGroup,
            duesMonthlyTotal: summary.duesMonthlyTotal,
          }).toEqual(want);
        });
    });
  }
});

test("the fixtures are all present", () => {
  for (const f of expected.files) expect(fs.existsSync(path.join(DIR, f.file))).toBe(true);
  expect(expected.files.length).toBeGreaterThanOrEqual(12);
});
