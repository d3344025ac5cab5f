/**
 * One contract suite for both host adapters (SPEC §6, §7, §8): the Office.js adapter over the in-memory Excel
 * fake and the file-side port over exceljs, both built from the same .xlsx. Their snapshots must give the same
 * validation issues, and marking then clearing must leave every cell's fill exactly as it was.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { validateWorkbook } from "../../src/core/engine";
import type { Issue } from "../../src/core/types";
import { createExcelAdapter } from "../../addin/office/excel-adapter";
import { type HostPort, type Mark, MARK_COLORS, marksFromIssues } from "../../addin/office/port";
import { type FakeExcel, fakeFromXlsx } from "../fakes/excel-fake";
import { ExcelJsPort } from "../fakes/exceljs-port";
import { tempDir } from "../helpers/cli";
import { AS_OF } from "../helpers/build";
import { writeFormRoster, writeRoster } from "./roster-file";

const SAMPLES = path.join(__dirname, "..", "fixtures", "samples");

interface Side {
  readonly port: HostPort;
  /** Every cell's fill as the side stores it, keyed "sheet!A1". */
  fills(): Map<string, string>;
  /** The marked colour of a cell, as "#RRGGBB", or null. */
  colorAt(sheet: string, cell: string): string | null;
}

function officeSide(fake: FakeExcel): Side {
  return {
    port: createExcelAdapter({ run: fake.run, isSetSupported: () => true }),
    fills: () => new Map([...fake.fills()].map(([k, v]) => [k, JSON.stringify(v)])),
    colorAt: (sheet, cell) => {
      const f = fake.fills().get(`${sheet}!${cell}`);
      return f ? f.color : null;
    },
  };
}

function fileSide(wb: ExcelJS.Workbook, name: string): Side {
  return {
    port: new ExcelJsPort(wb, name),
    fills: () => {
      const out = new Map<string, string>();
      wb.eachSheet((ws) =>
        ws.eachRow({ includeEmpty: true }, (row) =>
          row.eachCell({ includeEmpty: true }, (cell) => {
            if (cell.style.fill) out.set(`${ws.name}!${cell.address}`, JSON.stringify(cell.style.fill));
          }),
        ),
      );
      return out;
    },
    colorAt: (sheet, cell) => {
      const f = wb.getWorksheet(sheet)?.getCell(cell).style.fill;
      return f && f.type === "pattern" && f.fgColor?.argb ? `#${f.fgColor.argb.slice(-6)}` : null;
    },
  };
}

function comparable(issues: readonly Issue[]): string[] {
  return issues.map((i) => JSON.stringify([i.sheet, i.cell, i.rule, i.severity, i.row, i.field, i.params]));
}

let dir: string;
const files: string[] = fs
  .readdirSync(SAMPLES)
  .filter((f) => f.endsWith(".xlsx"))
  .map((f) => path.join(SAMPLES, f));

beforeAll(async () => {
  dir = tempDir("zhibu-office-contract-");
  files.push(await writeRoster(dir, 300, 37));
  files.push(await writeFormRoster(dir));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function sidesFor(file: string): Promise<Record<"office" | "file", Side>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { office: officeSide(await fakeFromXlsx(file)), file: fileSide(wb, path.basename(file)) };
}

/** Marks for the issues, or (for a clean workbook) three cells of its first sheet with data. */
function marksFor(issues: readonly Issue[], sheet: string): Mark[] {
  const marks = marksFromIssues(issues);
  if (marks.length > 0) return marks;
  return ["A1", "B3", "C4"].map((cell, i) => ({
    sheet,
    cell,
    severity: (["error", "warning", "info"] as const)[i] ?? "info",
    message: "test",
  }));
}

test("the samples and a generated roster are all covered", () => {
  expect(files.length).toBeGreaterThanOrEqual(6);
});

describe.each(["ballot", "evaluation", "roster-clean", "roster-messy", "schedule", "roster-300", "roster-form"])("%s", (stem) => {
  const file = (): string => {
    const f = files.find((p) => path.basename(p) === `${stem}.xlsx`);
    if (!f) throw new Error(`missing ${stem}.xlsx`);
    return f;
  };

  test("both adapters' snapshots give identical validation issues", async () => {
    const sides = await sidesFor(file());
    const office = validateWorkbook(await sides.office.port.readWorkbook(), { asOf: AS_OF });
    const fileResult = validateWorkbook(await sides.file.port.readWorkbook(), { asOf: AS_OF });
    expect(comparable(office.issues)).toEqual(comparable(fileResult.issues));
    expect(office.sheets).toEqual(fileResult.sheets);
    expect(office.counts).toEqual(fileResult.counts);
    if (stem === "roster-messy") expect(office.issues.length).toBeGreaterThan(0);
    if (stem === "roster-300") expect(office.issues.filter((i) => i.rule === "roster.phone.format")).toHaveLength(9);
    if (stem === "roster-form") {
      expect(office.sheets[0]).toMatchObject({ headerRows: [2, 3], dataRows: 3 });
      expect(office.sheets[0]?.skippedRows?.map((r) => r.kind)).toEqual(["section", "section", "total", "footer"]);
      expect(office.issues.map((i) => [i.rule, i.cell])).toEqual([["roster.id.checksum", "D6"]]);
    }
  });

  test.each(["office", "file"] as const)(
    "%s adapter: marks colour the issue cells and clearing restores every fill exactly",
    async (which) => {
      const sides = await sidesFor(file());
      const side = sides[which];
      const snapshot = await side.port.readWorkbook();
      const issues = validateWorkbook(snapshot, { asOf: AS_OF }).issues;
      const marks = marksFor(issues, snapshot.sheets[0]?.name ?? "");
      const before = side.fills();

      const record = await side.port.applyMarks(marks);
      expect(record.cells.length).toBeGreaterThan(0);
      expect(record.cells.length).toBeLessThanOrEqual(marks.length);
      for (const m of marks.slice(0, 50)) expect(side.colorAt(m.sheet, m.cell)).toMatch(/^#[0-9A-F]{6}$/);
      const first = marks[0] as Mark;
      const firstSeverityColors = Object.values(MARK_COLORS);
      expect(firstSeverityColors).toContain(side.colorAt(first.sheet, first.cell));
      expect(side.fills()).not.toEqual(before);

      await side.port.clearMarks(record);
      expect(side.fills()).toEqual(before);
    },
  );

  test.each(["office", "file"] as const)(
    "%s adapter: reading one sheet gives that sheet of the workbook read",
    async (which) => {
      const side = (await sidesFor(file()))[which];
      const wb = await side.port.readWorkbook();
      const first = wb.sheets[0];
      if (!first) throw new Error("no sheets");
      expect(await side.port.readSheet(first.name)).toEqual(first);
    },
  );
});

test("a marked cell that already had a fill gets that fill back (office adapter)", async () => {
  const fake = await fakeFromXlsx(files.find((f) => f.endsWith("roster-messy.xlsx")) as string);
  const sheet = fake.grid.sheets[0];
  if (!sheet) throw new Error("no sheet");
  const side = officeSide(fake);
  // C5 gets a solid fill by a first marking, B5 a patterned fill in the grid; then B5, C5, D5 (no fill) are marked.
  const pre = await side.port.applyMarks([{ sheet: sheet.name, cell: "C5", severity: "info", message: "" }]);
  expect(pre.cells[0]?.previous).toBeNull();
  const b5 = { value: "x", format: "General", fill: { color: "#123456", pattern: "Gray50", patternColor: "#ABCDEF" } };
  sheet.cells.set(5 * 16384 + 2, b5);
  const before = side.fills();
  const record = await side.port.applyMarks(
    ["B5", "C5", "D5", "B5"].map((cell) => ({ sheet: sheet.name, cell, severity: "error" as const, message: "" })),
  );
  expect(record.cells.map((c) => [c.cell, c.previous])).toEqual([
    ["B5", { color: "#123456", pattern: "Gray50", patternColor: "#ABCDEF" }],
    ["C5", { color: MARK_COLORS.info, pattern: "Solid" }],
    ["D5", null],
  ]);
  await side.port.clearMarks(record);
  expect(side.fills()).toEqual(before);
});
