/**
 * One contract suite for both host adapters (SPEC §6, §7, §8): the Office.js adapter over the in-memory Excel
 * fake and the file-side port over exceljs, both built from the same .xlsx. Their snapshots must give the same
 * validation issues; marks are the add-in's own conditional formats (the cells' fills are never touched), and
 * clearing leaves every fill and every other conditional format exactly as it was.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { validateWorkbook } from "../../src/core/engine";
import type { Issue } from "../../src/core/types";
import { createExcelAdapter } from "../../addin/office/excel-adapter";
import { type HostPort, type Mark, MARK_COLORS, isMarkFormula, marksFromIssues } from "../../addin/office/port";
import { type FakeExcel, fakeFromXlsx, localAddress } from "../fakes/excel-fake";
import { ExcelJsPort } from "../fakes/exceljs-port";
import { formattingList } from "../fakes/exceljs-marks";
import { tempDir } from "../helpers/cli";
import { AS_OF } from "../helpers/build";
import { writeFormRoster, writeRoster } from "./roster-file";

const SAMPLES = path.join(__dirname, "..", "fixtures", "samples");

interface Side {
  readonly port: HostPort;
  /** Every cell's fill as the side stores it, keyed "sheet!A1". */
  fills(): Map<string, string>;
  /** Every conditional format as "sheet!ref formula colour". */
  formats(): string[];
  /** The colour of the add-in's mark on a cell, as "#RRGGBB", or null. */
  markAt(sheet: string, cell: string): string | null;
}

function officeSide(fake: FakeExcel): Side {
  return {
    port: createExcelAdapter({ run: fake.run, isSetSupported: () => true }),
    fills: () => new Map([...fake.fills()].map(([k, v]) => [k, JSON.stringify(v)])),
    formats: () =>
      fake.grid.sheets.flatMap((s) =>
        s.conditionalFormats.map((cf) => `${s.name}!${localAddress(cf.bounds)} ${cf.formula} ${cf.fill?.slice(1)}`),
      ),
    markAt: (sheet, cell) => {
      const mark = fake
        .sheet(sheet)
        .conditionalFormats.find((cf) => isMarkFormula(cf.formula) && localAddress(cf.bounds) === cell);
      return mark?.fill ?? null;
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
    formats: () => formattingList(wb),
    markAt: (sheet, cell) => {
      const line = formattingList(wb).find((l) => l.startsWith(`${sheet}!${cell} `) && isMarkFormula(l.split(" ")[1]));
      return line ? `#${line.split(" ")[2]}` : null;
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

describe.each(["ballot", "evaluation", "roster-clean", "roster-messy", "schedule", "roster-300", "roster-form"])(
  "%s",
  (stem) => {
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
      "%s adapter: marks are conditional formats on the issue cells; clearing leaves fills and formats as they were",
      async (which) => {
        const sides = await sidesFor(file());
        const side = sides[which];
        const snapshot = await side.port.readWorkbook();
        const issues = validateWorkbook(snapshot, { asOf: AS_OF }).issues;
        const marks = marksFor(issues, snapshot.sheets[0]?.name ?? "");
        const fills = side.fills();
        const formats = side.formats();

        const record = await side.port.applyMarks(marks);
        expect(record.cells.length).toBeGreaterThan(0);
        expect(record.cells.length).toBeLessThanOrEqual(marks.length);
        expect(new Set(record.cells.map((c) => c.id)).size).toBe(record.cells.length);
        for (const c of record.cells.slice(0, 50)) expect(side.markAt(c.sheet, c.cell)).toBe(MARK_COLORS[c.severity]);
        expect(side.fills()).toEqual(fills);
        expect(side.formats()).toHaveLength(formats.length + record.cells.length);

        await side.port.clearMarks(record);
        expect(side.fills()).toEqual(fills);
        expect(side.formats()).toEqual(formats);
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
  },
);

test.each(["office", "file"] as const)(
  "%s adapter: a cell marked twice keeps its most severe mark, and a fill and a rule of the user's survive",
  async (which) => {
    const path_ = files.find((f) => f.endsWith("roster-messy.xlsx")) as string;
    const sides = await sidesFor(path_);
    const side = sides[which];
    const sheet = (await side.port.readWorkbook()).sheets[0]?.name ?? "";
    const record = await side.port.applyMarks(
      (["info", "error", "warning"] as const).map((severity) => ({ sheet, cell: "B5", severity, message: "" })),
    );
    expect(record.cells.map((c) => [c.cell, c.severity])).toEqual([["B5", "error"]]);
    expect(side.markAt(sheet, "B5")).toBe(MARK_COLORS.error);
    const fills = side.fills();
    await side.port.clearMarks(record);
    expect(side.markAt(sheet, "B5")).toBeNull();
    expect(side.fills()).toEqual(fills);
  },
);
