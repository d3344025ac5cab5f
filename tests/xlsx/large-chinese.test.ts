/**
 * A 100,000-row Chinese roster comes through the file world intact (SPEC §1, §2.1, §4): generated sample rows are
 * written by the template writer to a real .xlsx, read back by the exceljs reader and validated and summarised by
 * the engine. No character is mangled (no U+FFFD), every name, 党小组, category and ID reads back as written,
 * the rows are valid, and the summary counts each row under its true category and 党小组.
 *
 * Memory: the exceljs workbooks (written and read) are dropped as soon as they are done with; only the generated
 * rows and the read snapshot (needed for the row-by-row comparison) are kept. No timing assertions.
 */
import fs from "node:fs";
import path from "node:path";
import type { CellValue, WorkbookSnapshot } from "../../src/core/types";
import { sampleRows } from "../../src/core/samples/index";
import { roster } from "../../src/core/templates/roster";
import { buildTemplateWorkbook } from "../../src/xlsx/write-template";
import { readWorkbookFile } from "../../src/xlsx/read";
import { type ValidationResult, validateWorkbook } from "../../src/core/engine";
import { summarizeContexts } from "../../src/core/summary/index";
import type { RosterSummary } from "../../src/core/summary/roster";
import { tempDir } from "../helpers/cli";
import { AS_OF, CANONICAL } from "../helpers/build";

const N = 100_000;
const TIMEOUT = 300_000;
const MEMBERS = ["正式党员", "预备党员"];
const COMPARED = ["name", "group", "category", "idNumber"] as const;

let dir: string;
let rows: Record<string, CellValue>[] | null = null;
let snapshot: WorkbookSnapshot | null = null;
let result: ValidationResult | null = null;

/** Builds and writes the workbook inside a function so that the exceljs object is garbage once it returns. */
async function writeRoster(file: string, data: ReadonlyArray<Record<string, CellValue>>): Promise<void> {
  const wb = buildTemplateWorkbook({
    templates: [roster],
    branch: "第十一中学党支部",
    rows: { roster: data },
    asOf: AS_OF,
  });
  await wb.xlsx.writeFile(file);
}

function count(keys: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

function* column(
  data: ReadonlyArray<Record<string, CellValue>>,
  key: string,
  only?: (r: Record<string, CellValue>) => boolean,
) {
  for (const r of data) if (!only || only(r)) yield String(r[key]);
}

beforeAll(async () => {
  dir = tempDir("zhibu-large-chinese-");
  const file = path.join(dir, "党员花名册-10万行.xlsx");
  rows = sampleRows("roster", N, { seed: 11, asOf: AS_OF });
  await writeRoster(file, rows);
  ({ snapshot } = await readWorkbookFile(file)); // the exceljs workbook it also returns is not kept
  result = validateWorkbook(snapshot, { asOf: AS_OF });
}, TIMEOUT);

afterAll(() => {
  rows = null;
  snapshot = null;
  result = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the generator gave 100,000 rows of Chinese text to write", () => {
  expect(rows).toHaveLength(N);
  const sample = rows![0]!;
  expect(String(sample["name"])).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
  expect(String(sample["group"])).toMatch(/党小组$/);
});

test("no cell text read back contains U+FFFD (nor did any written row)", () => {
  let bad = 0;
  const where: string[] = [];
  for (const sheet of snapshot!.sheets) {
    sheet.values.forEach((cells, r) => {
      cells.forEach((v, c) => {
        if (typeof v === "string" && v.includes("\uFFFD")) {
          bad++;
          if (where.length < 5) where.push(`${sheet.name}!R${r + 1}C${c + 1}: ${v}`);
        }
      });
    });
  }
  expect(where).toEqual([]);
  expect(bad).toBe(0);
  let writtenBad = 0;
  for (const r of rows!)
    for (const v of Object.values(r)) if (typeof v === "string" && v.includes("\uFFFD")) writtenBad++;
  expect(writtenBad).toBe(0);
});

test("every row's 姓名, 党小组, 人员类别 and 身份证号 read back exactly as written", () => {
  const sheet = snapshot!.sheets.find((s) => s.name === roster.sheetName)!;
  expect(sheet).toBeDefined();
  // Title on row 1, canonical headers on row 2, data from row 3.
  const header = sheet.values[1]!;
  const col: Record<string, number> = {};
  for (const key of COMPARED) {
    col[key] = header.indexOf(CANONICAL[key]);
    expect(col[key]).toBeGreaterThanOrEqual(0);
  }
  let mismatches = 0;
  const first: string[] = [];
  for (let i = 0; i < N; i++) {
    const cells = sheet.values[2 + i];
    const written = rows![i]!;
    for (const key of COMPARED) {
      const got = cells?.[col[key]!] ?? null;
      if (got !== written[key]) {
        mismatches++;
        if (first.length < 5)
          first.push(`row ${3 + i} ${key}: wrote ${JSON.stringify(written[key])}, read ${JSON.stringify(got)}`);
      }
    }
  }
  expect(first).toEqual([]);
  expect(mismatches).toBe(0);
  // Nothing after the last row.
  const after = sheet.values.slice(2 + N).filter((cells) => cells.some((v) => v !== null && v !== ""));
  expect(after).toEqual([]);
});

test("validates with no issues over 100,000 data rows", () => {
  const report = result!.sheets.find((s) => s.sheet === roster.sheetName);
  expect(report).toMatchObject({ template: "roster", headerRow: 2, dataRows: N });
  expect(result!.issues.slice(0, 10)).toEqual([]);
  expect(result!.counts).toEqual({ error: 0, warning: 0, info: 0 });
});

test("the summary counts every row under its true category and every member under its true 党小组", () => {
  const summary = summarizeContexts(result!.contexts, AS_OF)["roster"] as RosterSummary;
  const isMember = (r: Record<string, CellValue>) => MEMBERS.includes(String(r["category"]));
  const byCategory = count(column(rows!, "category"));
  const byGroup = count(column(rows!, "group", isMember));
  // Sanity of the data set itself: all five categories and all four 党小组 occur.
  expect(Object.keys(byCategory).sort()).toEqual(
    ["入党申请人", "入党积极分子", "发展对象", "正式党员", "预备党员"].sort(),
  );
  expect(Object.keys(byGroup).sort()).toEqual(["第一党小组", "第二党小组", "第三党小组", "离退休党小组"].sort());

  expect(summary.byCategory).toEqual(byCategory);
  expect(summary.byGroup).toEqual(byGroup);
  const members = rows!.filter(isMember).length;
  expect(summary.members).toBe(members);
  expect(Object.values(summary.byCategory).reduce((a, b) => a + b, 0)).toBe(N);
  expect(summary.women).toBe(rows!.filter((r) => isMember(r) && r["gender"] === "女").length);
  let cents = 0;
  for (const r of rows!) if (isMember(r) && typeof r["dues"] === "number") cents += Math.round(r["dues"] * 100);
  expect(summary.duesMonthlyTotal).toBeCloseTo(cents / 100, 2);
});
