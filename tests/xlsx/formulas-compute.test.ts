/**
 * Computing formulas a file holds no result for (src/xlsx/formulas): each function these workbooks use, references
 * across sheets and offsets, ROW() at the formula's own cell, shared formulas moved to their cells, chains, cycles
 * and what cannot be computed (unknown function or name, external link, missing sheet), which stays a CellFormula.
 */
import type { CellFormula, CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/types";
import { computeFormulas } from "../../src/xlsx/formulas/compute";
import { shiftFormula } from "../../src/xlsx/formulas/shift";
import { asksFullCalcOnLoad } from "../../src/xlsx/formulas/recalc-on-load";

const fx = (formula: string, date = false): CellFormula =>
  date ? { kind: "formula", formula, date: true } : { kind: "formula", formula };
const date = (y: number, m: number, d: number): CellValue => ({ kind: "date", y, m, d });
const error = (code: string): CellValue => ({ kind: "error", code });

function book(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { name: "f.xlsx", sheets };
}

/** Row 1 headers, rows 2–4 data: A 姓名, B 身份证号, C 分数, D 入党日期, E 党费基数. */
const DATA: CellValue[][] = [
  ["姓名", "身份证号", "分数", "入党日期", "党费基数"],
  ["张三", "110101198003151234", 88, date(2007, 6, 1), 4500],
  ["李四", "110101199012011234", 95, date(2015, 7, 1), 3000],
  ["王五", "110101197501021234", 88, null, 9000],
];

/** Computes `formula` placed at row 6 column A below DATA (sheet 数据), with a second sheet 其他表. */
function value(formula: string, isDate = false): CellValue {
  const other: SheetSnapshot = {
    name: "其他表",
    values: [
      ["张三", "一支部", 1],
      ["李四", "二支部", 2],
    ],
  };
  const main: SheetSnapshot = { name: "数据", values: [...DATA, [], [fx(formula, isDate)]] };
  return computeFormulas(book(main, other)).sheets[0]!.values[5]![0]!;
}

describe("functions", () => {
  test.each<[string, CellValue]>([
    ["1+2*3-4/2", 5],
    ["C2+C3", 183],
    ['"党"&"员"', "党员"],
    ["SUM(C2:C4)", 271],
    ["SUM(C2:C4)+E2-E3", 1771],
    ["ROUND(E2*0.005,2)", 22.5],
    ["ROUND(2.675,2)", 2.68],
    ['IF(C2>=90,"优秀","合格")', "合格"],
    ["IF(AND(C2>80,OR(C3<0,C3>90)),1,0)", 1],
    ["LEFT(B2,6)", "110101"],
    ["MID(B2,7,4)", "1980"],
    ["RIGHT(B2,4)", "1234"],
    ["LEN(B2)", 18],
    ["YEAR(D2)", 2007],
    ["MONTH(D2)", 6],
    ["DAY(D3)", 1],
    ['TEXT(D2,"yyyy-mm-dd")', "2007-06-01"],
    ['TEXT(D2,"yyyy年m月d日")', "2007年6月1日"],
    ['TEXT(C2,"0.0")', "88.0"],
    ['VALUE("12.5")', 12.5],
    ['VALUE(" 1,200 ")', 1200],
    ['VALUE("abc")', error("#VALUE!")],
    ["RANK(C3,$C$2:$C$4)", 1],
    ["RANK(C2,$C$2:$C$4)", 2],
    ["RANK.EQ(C4,C2:C4,1)", 1],
    ["RANK(C2,A2:C4)", 2], // text and dates in the range are not ranked
    ['COUNTIF(C2:C4,">=88")', 3],
    ['COUNTIF(A2:A4,"张*")', 1],
    ['SUMIF(C2:C4,">=90",E2:E4)', 3000],
    ["AVERAGE(C2:C4)", 271 / 3],
    ["MAX(C2:C4)", 95],
    ["MIN(C2:C4,E2)", 88],
    ["COUNTA(D2:D4)", 2],
    ['VLOOKUP("李四",A2:E4,5,FALSE)', 3000],
    ["VLOOKUP(A3,'其他表'!A1:C9,2,FALSE)", "二支部"],
    ["VLOOKUP(A2,其他表!$A$1:$C$2,3,0)", 1],
    ["SUM(其他表!C:C)", 3],
    ["ROW()", 6],
    ["ROW()-1", 5],
    ["1/0", error("#DIV/0!")],
    ['VLOOKUP("赵六",A2:E4,5,FALSE)', error("#N/A")],
    ["D4", 0], // an empty cell reads as 0
  ])("%s = %j", (formula, expected) => {
    const v = value(formula);
    if (typeof expected === "number" && typeof v === "number") expect(v).toBeCloseTo(expected, 9);
    else expect(v).toEqual(expected);
  });

  test("DATE from an ID number is a date in a date-formatted cell and a serial number otherwise", () => {
    expect(value("DATE(MID(B2,7,4),MID(B2,11,2),MID(B2,13,2))", true)).toEqual(date(1980, 3, 15));
    expect(value("DATE(MID(B2,7,4),MID(B2,11,2),MID(B2,13,2))")).toBe(29295);
    expect(value("D2", true)).toEqual(date(2007, 6, 1));
    expect(value("D2+365", true)).toEqual(date(2008, 5, 31));
  });

  test.each([
    "FOOBAR(1)",
    "C2+FOOBAR(1)",
    "[1]Sheet1!A1",
    "'[预算.xlsx]表'!A1+1",
    "没有这张表!A1",
    "某个名称*2",
    "SUM(1,",
  ])("%s cannot be computed and stays a CellFormula", (formula) => {
    expect(value(formula)).toEqual(fx(formula));
  });
});

describe("the workbook", () => {
  test("formulas reading uncomputed formulas, above or below, in any order; offsets of originRow/originCol", () => {
    // The sheet starts at C5: values[r][c] is row 5 + r, column C + c.
    const sheet: SheetSnapshot = {
      name: "表",
      originRow: 5,
      originCol: 3,
      values: [
        ["分数", "总分", "排名", "序号"],
        [10, fx("C6*2"), fx("RANK(D6,$D$6:$D$8)"), fx("ROW()-5")],
        [30, fx("C7*2"), fx("RANK(D7,$D$6:$D$8)"), fx("F6+1")],
        [20, fx("D9-1"), fx("RANK(D8,$D$6:$D$8)"), fx("F7+1")],
        [null, fx("SUM(C6:C8)+COLUMN()"), null, null],
      ],
    };
    const out = computeFormulas(book(sheet)).sheets[0]!;
    expect(out.values).toEqual([
      ["分数", "总分", "排名", "序号"],
      [10, 20, 3, 1],
      [30, 60, 2, 2],
      [20, 63, 1, 3],
      [null, 64, null, null],
    ]);
    expect(out.originRow).toBe(5);
    expect(out.originCol).toBe(3);
  });

  test("a cycle stays uncalculated, and so does everything that reads it; the rest is computed", () => {
    const sheet: SheetSnapshot = {
      name: "S",
      values: [[fx("B1+1"), fx("A1+1"), fx("A1*2"), fx("5*2"), fx("C1")]],
    };
    expect(computeFormulas(book(sheet)).sheets[0]!.values[0]).toEqual([
      fx("B1+1"),
      fx("A1+1"),
      fx("A1*2"),
      10,
      fx("C1"),
    ]);
  });

  test("a self-reference is a cycle", () => {
    const sheet: SheetSnapshot = { name: "S", values: [[fx("A1+1")]] };
    expect(computeFormulas(book(sheet)).sheets[0]!.values[0]).toEqual([fx("A1+1")]);
  });

  test("a chain of 20,000 formulas each reading the one below computes without running out of stack", () => {
    const n = 20000;
    const values: CellValue[][] = Array.from({ length: n }, (_, i) => [i === n - 1 ? 1 : fx(`A${i + 2}+1`)]);
    const out = computeFormulas(book({ name: "S", values })).sheets[0]!.values;
    expect(out[0]).toEqual([n]);
  });

  test("merged cells: only the top-left cell holds the value a formula reads", () => {
    const sheet: SheetSnapshot = {
      name: "S",
      values: [
        ["合并", null, fx('A1&"|"&B1&"|"&COUNTA(A1:B1)')],
        [1, 2, null],
      ],
      merges: [{ top: 1, left: 1, bottom: 1, right: 2 }],
    };
    expect(computeFormulas(book(sheet)).sheets[0]!.values[0]![2]).toBe("合并||1");
  });

  test("sheets without formulas are handed back as they are, and so is a workbook without any", () => {
    const plain: SheetSnapshot = { name: "A", values: [[1, 2]] };
    const withFormula: SheetSnapshot = { name: "B", values: [[fx("A!A1+A!B1")]] };
    const wb = book(plain, withFormula);
    const out = computeFormulas(wb);
    expect(out.sheets[0]).toBe(plain);
    expect(out.sheets[1]!.values).toEqual([[3]]);
    const none = book(plain);
    expect(computeFormulas(none)).toBe(none);
  });

  test("sheet names are matched as Excel does, without regard to case", () => {
    const wb = book({ name: "Data", values: [[7]] }, { name: "S", values: [[fx("data!A1*2")]] });
    expect(computeFormulas(wb).sheets[1]!.values).toEqual([[14]]);
  });
});

describe("shared formulas moved to their cells", () => {
  test.each<[string, number, number, string]>([
    ["A5*10", 1, 0, "A6*10"],
    ["SUM(E3:J3)+K3-L3", 2, 0, "SUM(E5:J5)+K5-L5"],
    ["RANK(M3,$M$3:$M$40)", 5, 0, "RANK(M8,$M$3:$M$40)"],
    ['IF(A1="B2",LOG10(A1),Sheet1!A1)', 1, 1, 'IF(B2="B2",LOG10(B2),Sheet1!B2)'],
    ["'其他 表'!A1+SUM(A:A)+SUM(3:3)+$B$2+B$2+$B2", 1, 1, "'其他 表'!B2+SUM(B:B)+SUM(4:4)+$B$2+C$2+$B3"],
    ["DATE(MID(E4,7,4),MID(E4,11,2),MID(E4,13,2))", 3, 0, "DATE(MID(E7,7,4),MID(E7,11,2),MID(E7,13,2))"],
    ["A1-1", -1, 0, "#REF!-1"],
    ["ROW()-2", 3, 0, "ROW()-2"],
    ["TRUE+tbl[列]", 1, 0, "TRUE+tbl[列]"],
  ])("%s moved by (%i, %i) → %s", (formula, rows, cols, expected) => {
    expect(shiftFormula(formula, rows, cols)).toBe(expected);
  });
});

test("fullCalcOnLoad is read from calcPr only", () => {
  expect(asksFullCalcOnLoad('<workbook><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>')).toBe(true);
  expect(asksFullCalcOnLoad("<x:calcPr fullCalcOnLoad='true' />")).toBe(true);
  expect(asksFullCalcOnLoad('<workbook><calcPr calcId="191029"/></workbook>')).toBe(false);
  expect(asksFullCalcOnLoad('<workbook><definedName name="fullCalcOnLoad">1</definedName><calcPr/></workbook>')).toBe(
    false,
  );
});
