/**
 * Computed columns of generated sheets (FieldDef.formula, SPEC §2.3 总分/排名, §2.4 优秀率): the A1 text written per
 * row, its cached result, and the item-range conditional formats. Whether a real spreadsheet computes the same
 * figures is tests/xlsx/libreoffice-recalc.test.ts.
 */
import type ExcelJS from "exceljs";
import type { CellValue } from "../../src/core/types";
import type { FieldDef } from "../../src/core/templates/types";
import { evaluation } from "../../src/core/templates/evaluation";
import { ballot } from "../../src/core/templates/ballot";
import { sheetFields } from "../../src/core/templates/fields";
import { sampleRows } from "../../src/core/samples";
import { validateWorkbook } from "../../src/core/engine";
import { snapshotWorkbook } from "../../src/xlsx/read";
import { type FormulaCell, applyFormulas, sheetFormulas } from "../../src/xlsx/template-formulas";
import { buildTemplateWorkbook } from "../../src/xlsx/write-template";
import { AS_OF } from "../helpers/build";

const span = { firstRow: 3, lastRow: 6 };

function item(name: string, max: number): FieldDef {
  return { key: `item:${name}`, header: `${name}(${max})`, type: "number", item: { name, max } };
}

const FIELDS: FieldDef[] = [
  { key: "name", header: "姓名", type: "text" },
  item("甲", 50),
  { key: "note", header: "备注", type: "text" },
  item("乙", 30),
  item("丙", 20),
  { key: "bonus", header: "加分", type: "number" },
  { key: "deduction", header: "扣分", type: "number" },
  { key: "total", header: "总分", type: "number", formula: { kind: "itemSum", plus: ["bonus"], minus: ["deduction"] } },
  { key: "rank", header: "排名", type: "integer", formula: { kind: "rank", of: "total" } },
];

function fill(rows: Array<Record<string, CellValue>>, fields: readonly FieldDef[] = FIELDS) {
  const values: Array<Array<CellValue | FormulaCell>> = rows.map((r) => fields.map((f) => r[f.key] ?? null));
  applyFormulas(fields, values, { firstRow: 3, lastRow: 2 + rows.length });
  return values;
}

describe("formula text from the sheet's columns", () => {
  test("item columns need not be adjacent: runs become ranges, the rest single cells", () => {
    const [total, rank] = sheetFormulas(FIELDS, span);
    expect(total!.text(3)).toBe('IF(COUNT(B3,D3:E3)=0,"",SUM(B3,D3:F3)-SUM(G3))');
    expect(rank!.text(4)).toBe('IF(ISNUMBER(H4),RANK(H4,$H$3:$H$6),"")');
  });

  test("a rank is computed after the total it ranks, whatever the column order", () => {
    const reordered = [...FIELDS.slice(0, 7), FIELDS[8]!, FIELDS[7]!];
    expect(sheetFormulas(reordered, span).map((c) => reordered[c.column]!.key)).toEqual(["total", "rank"]);
  });

  test("missing operands: no items, no total formula (the rank then ranks typed totals); a missing plus/minus column is left out", () => {
    const noItems = FIELDS.filter((f) => !f.item);
    expect(sheetFormulas(noItems, span).map((c) => noItems[c.column]!.key)).toEqual(["rank"]);
    const noBonus = FIELDS.filter((f) => f.key !== "bonus" && f.key !== "deduction");
    expect(sheetFormulas(noBonus, span)[0]!.text(3)).toBe('IF(COUNT(B3,D3:E3)=0,"",SUM(B3,D3:E3))');
  });

  test("ratio: blank unless both are numbers and the denominator is not 0", () => {
    const fields = sheetFields(ballot);
    const values = fill(
      [
        { voters: 48, excellent: 32 },
        { voters: 40, excellent: 0 },
        { voters: 0, excellent: 0 },
        { excellent: 5 },
        { voters: "abc", excellent: 5 },
        {},
      ],
      fields,
    );
    const col = fields.findIndex((f) => f.key === "excellentRate");
    expect(values.map((r) => (r[col] as FormulaCell).result)).toEqual([32 / 48, 0, "", "", "", ""]);
    expect((values[0]![col] as FormulaCell).formula).toBe('IF(OR(COUNT(D3,C3)<2,C3=0),"",D3/C3)');
  });
});

describe("cached results", () => {
  test("Σ items + 加分 − 扣分 counting numbers only; blank while no item holds a number; competition rank", () => {
    const values = fill([
      { "item:甲": 40, "item:乙": 25, "item:丙": 15, bonus: 2, deduction: 1 },
      { "item:甲": 45, "item:乙": 20, "item:丙": 16 },
      { "item:甲": 30, "item:乙": "缺考", bonus: 3 },
      { bonus: 5 },
      {},
      { "item:甲": 50, "item:乙": 30, "item:丙": 0, deduction: 0.5 },
    ]);
    const results = values.map((r) => [(r[7] as FormulaCell).result, (r[8] as FormulaCell).result]);
    expect(results).toEqual([
      [81, 1],
      [81, 1],
      [33, 4],
      ["", ""],
      ["", ""],
      [79.5, 3],
    ]);
  });

  test("a given value that agrees becomes the formula; one that disagrees is kept as typed", () => {
    const values = fill([
      { "item:甲": 40, "item:乙": 25, "item:丙": 15, total: 80, rank: 2 },
      { "item:甲": 45, "item:乙": 20, "item:丙": 16, total: 99 },
    ]);
    expect(values[0]![7]).toMatchObject({ result: 80 });
    expect(values[1]![7]).toBe(99);
    // The rank reads the column as written: 99 ranks first, 80 second.
    expect(values.map((r) => (r[8] as FormulaCell).result)).toEqual([2, 1]);
  });

  test("100 000 rows rank as competition ranks (the time it takes is a bench figure, not asserted)", () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ "item:甲": i % 50, "item:乙": i % 7, "item:丙": 1 }));
    const values = fill(rows);
    expect((values[49]![8] as FormulaCell).result).toBe(
      1 + rows.filter((r) => r["item:甲"] + r["item:乙"] > 49 + (49 % 7)).length,
    );
  });
});

function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(name);
  return ws;
}

describe("generated 年终考核 and 民主测评", () => {
  const rows = {
    evaluation: sampleRows("evaluation", 30, { seed: 3, asOf: AS_OF }),
    ballot: sampleRows("ballot", 30, { seed: 3, asOf: AS_OF }),
  };
  const wb = buildTemplateWorkbook({ templates: [evaluation, ballot], rows, asOf: AS_OF });

  test("sample rows: 总分, 排名 and 优秀率 are formulas whose cached results are the samples' figures, and validate clean", () => {
    const ev = sheetOf(wb, evaluation.sheetName);
    for (let r = 0; r < 30; r++) {
      const sample = rows.evaluation[r]!;
      expect(ev.getCell(`M${r + 3}`).value).toEqual({
        formula: `IF(COUNT(E${r + 3}:J${r + 3})=0,"",SUM(E${r + 3}:K${r + 3})-SUM(L${r + 3}))`,
        result: sample["total"],
      });
      expect(ev.getCell(`N${r + 3}`).value).toEqual({
        formula: `IF(ISNUMBER(M${r + 3}),RANK(M${r + 3},$M$3:$M$32),"")`,
        result: sample["rank"],
      });
    }
    const bt = sheetOf(wb, ballot.sheetName);
    expect(bt.getCell("H2").value).toBe("优秀率");
    expect(bt.getColumn(8).numFmt).toBe("0.00%");
    const first = rows.ballot[0]!;
    expect(bt.getCell("H3").value).toEqual({
      formula: 'IF(OR(COUNT(D3,C3)<2,C3=0),"",D3/C3)',
      result: (first["excellent"] as number) / (first["voters"] as number),
    });
    const result = validateWorkbook(snapshotWorkbook(wb, "t.xlsx"), { asOf: AS_OF });
    expect(result.issues).toEqual([]);
    expect(result.sheets.slice(0, 2).map((s) => [s.template, s.dataRows, s.columns["excellentRate"] ?? null])).toEqual([
      ["evaluation", 30, null],
      ["ballot", 30, "H"],
    ]);
  });

  test("a typed-in 优秀率 (number or text such as 66.67%) is no issue", () => {
    const typed = rows.ballot.map((r, i) => ({ ...r, excellentRate: i % 2 ? "66.67%" : 0.5 }));
    const snapshot = snapshotWorkbook(
      buildTemplateWorkbook({ templates: [ballot], rows: { ballot: typed } }),
      "t.xlsx",
    );
    expect(validateWorkbook(snapshot, { asOf: AS_OF }).issues).toEqual([]);
  });

  test("each item column is marked red when its score is below 0 or above the item's maximum", () => {
    const ev = sheetOf(wb, evaluation.sheetName);
    const cf = (ev as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] })
      .conditionalFormattings;
    const items = sheetFields(evaluation).flatMap((f, i) =>
      f.item ? [[String.fromCharCode(65 + i), f.item.max] as const] : [],
    );
    expect(items).toHaveLength(6);
    for (const [col, max] of items) {
      expect(cf).toContainEqual(
        expect.objectContaining({
          ref: `${col}3:${col}32`,
          rules: [expect.objectContaining({ formulae: [`AND(ISNUMBER(${col}3),OR(${col}3<0,${col}3>${max}))`] })],
        }),
      );
    }
  });

  test('a row counts as started by its input cells only: COUNTA skips the computed columns (a formula giving "" counts)', () => {
    const cf = (ws: ExcelJS.Worksheet) =>
      (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] })
        .conditionalFormattings;
    expect(cf(sheetOf(wb, evaluation.sheetName)).find((c) => c.ref === "B3:B32")?.rules[0]?.formulae).toEqual([
      "AND(COUNTA($A3:$L3,$O3:$Q3)>0,LEN(TRIM(B3))=0)",
    ]);
    expect(cf(sheetOf(wb, ballot.sheetName)).find((c) => c.ref === "B3:B32")?.rules[0]?.formulae).toEqual([
      "AND(COUNTA($A3:$G3,$I3:$J3)>0,LEN(TRIM(B3))=0)",
    ]);
  });

  test("empty rows: formulas with blank results; the engine sees no data rows", () => {
    const empty = buildTemplateWorkbook({ templates: [evaluation, ballot], emptyRows: 5 });
    // exceljs's cell.value leaves out a falsy result; cell.result is what it writes (<v></v>).
    const at = (sheet: string, address: string) => {
      const cell = sheetOf(empty, sheet).getCell(address);
      return { formula: cell.formula, result: cell.result };
    };
    expect(at(evaluation.sheetName, "M7")).toEqual({ formula: 'IF(COUNT(E7:J7)=0,"",SUM(E7:K7)-SUM(L7))', result: "" });
    expect(at(evaluation.sheetName, "N7")).toEqual({ formula: 'IF(ISNUMBER(M7),RANK(M7,$M$3:$M$7),"")', result: "" });
    expect(at(ballot.sheetName, "H3")).toEqual({ formula: 'IF(OR(COUNT(D3,C3)<2,C3=0),"",D3/C3)', result: "" });
    const result = validateWorkbook(snapshotWorkbook(empty, "t.xlsx"), { asOf: AS_OF });
    expect(result.issues).toEqual([]);
    expect(result.sheets.slice(0, 2).map((s) => s.dataRows)).toEqual([0, 0]);
  });

  test("说明 lists the formula columns", () => {
    const guide = sheetOf(wb, "说明");
    const text: string[] = [];
    guide.eachRow((row) => text.push(String(row.getCell(1).value ?? "")));
    expect(text.find((t) => t.startsWith("公式列：总分 = 各考核项目得分之和 + 加分 − 扣分"))).toContain(
      "排名按总分从高到低排列",
    );
    expect(text.find((t) => t.startsWith("公式列：优秀率 = 优秀票 ÷ 应参评人数"))).toBeDefined();
    expect(text.some((t) => t.includes("师德师风(20)、出勤考勤(10)") && t.includes("超过列名括号中的分值"))).toBe(true);
  });
});
