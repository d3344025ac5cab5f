import path from "node:path";
import ExcelJS from "exceljs";
import { validateWorkbook } from "../../src/core/engine";
import { deriveFixes } from "../../src/core/fixes";
import { snapshotWorkbook } from "../../src/xlsx/snapshot";
import type { RefusedCell } from "../office/port";
import { cellList, fixesOfGroup, fixesOfIssue, rowGuards, sheetsOf, shownValue } from "./fix-model";
import { SEVERITY_ORDER, groupByRule } from "./validation-model";

const FIXABLE = path.join(__dirname, "..", "..", "tests", "fixtures", "fix", "fixable-roster.xlsx");

async function fixable() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXABLE);
  const result = validateWorkbook(snapshotWorkbook(wb, "fixable-roster.xlsx"), {
    asOf: { kind: "date", y: 2026, m: 11, d: 21 },
  });
  return { wb, result, fixes: deriveFixes(result) };
}

describe("fix-model", () => {
  test("an issue's fix is the one on its cell with its rule; a group's are those of its issues", async () => {
    const { result, fixes } = await fixable();
    const enumIssue = result.issues.find((i) => i.rule === "cell.enum")!;
    expect(fixesOfIssue(fixes, enumIssue).map((f) => [f.cell, f.to])).toEqual([[enumIssue.cell, "汉族"]]);
    // An issue without a certain fix (the check character needs the paper record) has none.
    const checksum = result.issues.find((i) => i.rule === "roster.id.checksum")!;
    expect(checksum).toBeDefined();
    expect(fixesOfIssue(fixes, checksum)).toEqual([]);
    const groups = groupByRule(result.issues, new Set(SEVERITY_ORDER));
    for (const g of groups) {
      const own = fixesOfGroup(fixes, g);
      const cells = new Set(g.entries.map((e) => e.issue.cell));
      expect(own.every((f) => f.rule === g.rule && cells.has(f.cell))).toBe(true);
    }
    // `fix.*` fixes resolve no issue: only 全部可修正项 offers them.
    const grouped = new Set(groups.flatMap((g) => fixesOfGroup(fixes, g)));
    expect(fixes.filter((f) => !grouped.has(f)).every((f) => f.rule.startsWith("fix."))).toBe(true);
  });

  test("each fixed row is guarded by its 姓名 cell as validated", async () => {
    const { wb, result, fixes } = await fixable();
    const guards = rowGuards(result, fixes);
    const rows = [...new Set(fixes.map((f) => f.row))];
    expect(guards.map((g) => g.row)).toEqual(rows);
    const ws = wb.getWorksheet("花名册")!;
    for (const g of guards) {
      expect(g.cell).toBe(`B${g.row}`);
      expect(g.value).toBe(ws.getCell(g.cell).value);
    }
  });

  test("values and cell lists for the messages", () => {
    const quote = (t: string) => `“${t}”`;
    expect(shownValue(" 熊娥 ", "（空）", quote)).toBe("“ 熊娥 ”");
    expect(shownValue(null, "（空）", quote)).toBe("（空）");
    expect(shownValue({ kind: "date", y: 2015, m: 7, d: 1 }, "（空）", quote)).toBe("2015-07-01");
    expect(shownValue(22.5, "（空）", quote)).toBe("22.5");
    const cells = (n: number, sheet = "S"): RefusedCell[] =>
      Array.from({ length: n }, (_, i) => ({ sheet, cell: `E${i + 1}`, reason: "changed" }));
    expect(cellList(cells(2), "、", "…")).toBe("E1、E2");
    expect(cellList(cells(12), "、", "…")).toBe("E1、E2、E3、E4、E5、E6、E7、E8、E9、E10…");
    expect(cellList([...cells(1), ...cells(1, "T")], ", ", ", …")).toBe("S!E1, T!E1");
    expect(sheetsOf([...cells(2), ...cells(1, "T")])).toEqual(["S", "T"]);
  });
});
