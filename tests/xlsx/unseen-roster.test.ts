/**
 * A roster workbook of the kind a school keeps on its own, never produced by our template writer (SPEC §1, §2, §2.1):
 * two merged title rows and a note above the header, the header on row 4 with aliases in another column order,
 * line breaks, spaces, full-width unit suffixes and `*` markers in the headers, columns the template does not know
 * (籍贯, 参加工作时间, and 职称 which duplicates 职务), 政治面貌 as the category column, dates in every form a
 * secretary types, a blank row, a vertically merged 党小组 column, Excel-mangled ID numbers, phones as numbers,
 * a #N/A from a VLOOKUP, stray spaces and enum typos.
 *
 * It is built cell by cell with exceljs (not with src/xlsx/write-template), written to a temp .xlsx, and checked
 * both through readWorkbookFile + validateWorkbook (+ summarizeContexts) and through the real CLI. The expected
 * issue list and summary below were worked out by hand from SPEC.md; see the per-row comments.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Issue } from "../../src/core/types";
import { readWorkbookFile } from "../../src/xlsx/read";
import { validateWorkbook } from "../../src/core/engine";
import { summarizeContexts } from "../../src/core/summary/index";
import type { RosterSummary } from "../../src/core/summary/roster";
import { runCli, tempDir } from "../helpers/cli";
import { AS_OF, mod112, upgrade15 } from "../helpers/build";

const SHEET = "2026年党员信息";
const HEADER_ROW = 4;

// ------------------------------------------------------------------------------------------------ the columns

/** Column letter → header text as the school typed it, and the roster field it must bind to (null: unknown). */
const COLUMNS: ReadonlyArray<readonly [string, string | ExcelJS.CellRichTextValue, string | null]> = [
  ["A", "序　号", "seq"], // full-width space inside
  ["B", { richText: [{ text: "党员姓名" }, { text: "*", font: { bold: true, color: { argb: "FFFF0000" } } }] }, "name"], // alias, red `*` as rich text
  ["C", "性 别*", "gender"], // half-width space + trailing *
  ["D", "出生年月", "birthDate"], // alias
  ["E", "民族", "ethnicity"],
  ["F", "籍贯", null], // unknown to the template
  ["G", "身份证\n号码 *", "idNumber"], // line break, alias 身份证号码, " *"
  ["H", "文化程度", "education"], // alias
  ["I", "参加工作\n时间", null], // unknown (a date column that must not be checked)
  ["J", "职务", "post"], // alias
  ["K", "所在党小组", "group"], // alias, merged vertically below
  ["L", "政治面貌 *", "category"], // alias: 中共党员 / 中共预备党员
  ["M", "递交入党申请书日期", "applicationDate"], // alias
  ["N", "入党时间", "admissionDate"], // alias
  ["O", "转正时间", "fullDate"], // alias
  ["P", "电话", "phone"], // alias
  ["Q", "党费基数（元）", "duesBase"], // full-width parenthesised unit suffix
  ["R", "月党费（元）", "dues"], // alias + suffix
  ["S", "在职/退休", "employment"], // alias with a slash
  ["T", "职称", null], // alias of 工作岗位 again → header.duplicate, the column is ignored
  ["U", "备注", "note"],
];
const LAST_COL = "U";

// ------------------------------------------------------------------------------------------------ the people

/** An Excel date (a real date serial with a date number format), as opposed to text that looks like a date. */
class XDate {
  constructor(
    readonly y: number,
    readonly m: number,
    readonly d: number,
    readonly fmt = 'yyyy"年"m"月"d"日"',
  ) {}
}

type In = string | number | XDate | ExcelJS.CellFormulaValue | null;
type Person = Partial<Record<string, In>>;

const FULL_WIDTH_ID = "３７０１０２１９９２０７０８０１３６"; // 370102199207080136 in full-width digits, valid
const LEGACY_ID = "370102880420022"; // 15 digits: 1988-04-20, digit 15 even → 女; upgrades to 370102198804200226

/**
 * Sheet row → the row's cells by column letter. Row 9 is fully blank. K (党小组) holds a value only on the top
 * row of each merge: K5:K8, K10:K13, K15:K18; K14 is a single cell.
 */
const PEOPLE: ReadonlyArray<readonly [number, Person]> = [
  // Row 5: clean 正式党员, base exactly 10000 (在职 → 1.5 % = 150), phone stored as a number, "本科" synonym,
  // month-precision application date "1988.10". No issue.
  [
    5,
    {
      A: 1,
      B: "王建国",
      C: "男",
      D: new XDate(1968, 3, 12),
      E: "汉族",
      F: "山东济南",
      G: "370102196803121359",
      H: "本科",
      I: new XDate(1990, 8, 1, "yyyy-mm-dd"),
      J: "副校长",
      K: "第一党小组",
      L: "中共党员",
      M: "1988.10",
      N: "1990年6月1日",
      O: "1991/6/1",
      P: 13905310001,
      Q: 10000,
      R: 150,
      S: "在职",
      T: "高级教师",
    },
  ],
  // Row 6: full-width space inside the name → cell.whitespace B6. ID with lower-case x (valid, born 1985-06-01, 女);
  // 出生年月 "1985.06" agrees by month. Base exactly 5000 → 1 % = 50. Landline with a dash. No other issue.
  [
    6,
    {
      A: 2,
      B: "李　娜",
      C: "女",
      D: "1985.06",
      E: "汉族",
      F: "山东泰安",
      G: "37010219850601058x",
      H: "大学本科",
      I: "2007.08",
      J: "语文教师",
      L: "中共党员",
      M: "2005年3月1日",
      N: "20070601",
      O: "2008.6.1",
      P: "0531-88776655",
      Q: 5000,
      R: 50,
      S: "在职",
      T: "一级教师",
    },
  ],
  // Row 7: trailing space in the name → cell.whitespace B7. ID held as a number (Excel kept 15 significant digits)
  // → roster.id.numeric G7 only (no checksum/birth/gender/duplicate checks). Base exactly 3000 → 0.5 % = 15.
  // Mobile as text with dashes. "硕士" synonym.
  [
    7,
    {
      A: 3,
      B: "张伟 ",
      C: "男",
      D: new XDate(1979, 11, 1),
      E: "汉族",
      F: "山东淄博",
      G: 370102197911011000,
      H: "硕士",
      I: new XDate(2003, 8, 1),
      J: "数学教师",
      L: "中共党员",
      M: "2001/3/15",
      N: new XDate(2003, 7, 1),
      O: new XDate(2004, 7, 1),
      P: "139-0531-0002",
      Q: 3000,
      R: 15,
      T: "一级教师",
    },
  ],
  // Row 8: 17-digit ID → roster.id.format G8. 预备党员 admitted 2025-12-10 (full-width digits) → due 2026-12-10,
  // within 30 days after 2026-11-21 → roster.probation.due N8 (info). Base 4200 → 42.
  [
    8,
    {
      A: 4,
      B: "刘芳",
      C: "女",
      D: "1990年2月",
      E: "汉族",
      F: "山东济南",
      G: "37010219900214002",
      H: "大学本科",
      I: "2012年9月1日",
      J: "数学教师",
      L: "中共预备党员",
      M: "2018.9",
      N: "２０２５年１２月１０日",
      P: 13805310003,
      Q: 4200,
      R: 42,
      S: "在职",
      T: "二级教师",
    },
  ],
  // Row 9: blank.
  // Row 10: 15-digit legacy ID → roster.id.legacy G10; it upgrades to the 18-digit ID of row 16 →
  // roster.id.duplicate G10 and G16. "大专" synonym. Base 7200 → 108.
  [
    10,
    {
      A: 5,
      B: "陈静",
      C: "女",
      D: "19880420",
      E: "汉族",
      F: "山东德州",
      G: LEGACY_ID,
      H: "大专",
      I: "2010.09",
      J: "英语教师",
      K: "第二党小组",
      L: "中共党员",
      M: "2009年5月",
      N: "2011.6.1",
      O: "2012年6月1日",
      P: "13905310005",
      Q: 7200,
      R: 108,
      S: "在职",
      T: "一级教师",
    },
  ],
  // Row 11: ID in full-width digits (valid once normalised, no issue). 预备党员 admitted 2025-10-15 → due 2026-10-15
  // ≤ as-of, no 转正时间 → roster.probation.overdue N11. Base exactly 5000 but dues 75 (1.5 %, the boundary read
  // the wrong way) → roster.dues.rate R11. Landline with a space as separator.
  [
    11,
    {
      A: 6,
      B: "赵磊",
      C: "男",
      D: new XDate(1992, 7, 8),
      E: "汉族",
      F: "山东临沂",
      G: FULL_WIDTH_ID,
      H: "研究生",
      I: new XDate(2016, 8, 25),
      J: "物理教师",
      L: "中共预备党员",
      M: "2016.03.01",
      N: new XDate(2025, 10, 15, "yyyy/m/d"),
      P: "0531 88776601",
      Q: 5000,
      R: 75,
      S: "在职",
      T: "二级教师",
    },
  ],
  // Row 12: 性别 "女性" is not 男/女 → cell.enum C12 (so no gender check, no byGender/women count). 10-digit mobile →
  // roster.phone.format P12. Base 6800 → 102.
  [
    12,
    {
      A: 7,
      B: "孙丽",
      C: "女性",
      D: "1983/9/5",
      E: "汉族",
      F: "山东济宁",
      G: "370102198309050267",
      H: "本科",
      I: "2005.8",
      J: "化学教师",
      L: "中共党员",
      M: "2003.10",
      N: new XDate(2005, 12, 20),
      O: "2006-12-20",
      P: "1390531000",
      Q: 6800,
      R: 102,
      S: "在职",
      T: "一级教师",
    },
  ],
  // Row 13: 民族 "汉" → cell.enum E13 (suggests 汉族). Check character 1 where 7 is right → roster.id.checksum G13.
  // Month-precision 入党/转正 "1997.07"/"1998.7": exactly a year by month. Base 8000 → 120.
  [
    13,
    {
      A: 8,
      B: "周杰",
      C: "男",
      D: new XDate(1975, 5, 5),
      E: "汉",
      F: "山东潍坊",
      G: "370102197505050571",
      H: "大学本科",
      I: "1997.08",
      J: "体育教师",
      L: "中共党员",
      M: "1995年4月1日",
      N: "1997.07",
      O: "1998.7",
      P: 13905310008,
      Q: 8000,
      R: 120,
      S: "在职",
      T: "高级教师",
    },
  ],
  // Row 14: ID digits 7–14 = 19620231 → roster.id.birthdate G14 (no birthdate.mismatch: the ID gives no date).
  // 离退休, base exactly 5000 → 0.5 % = 25. 7-digit landline.
  [
    14,
    {
      A: 9,
      B: "吴敏",
      C: "女",
      D: "1962.02",
      E: "汉族",
      F: "山东聊城",
      G: "370102196202310242",
      H: "中专",
      I: "1980.09",
      J: "退休教师",
      K: "离退休党小组",
      L: "中共党员",
      M: "1983.5",
      N: "1985年7月1日",
      O: "1986年7月1日",
      P: "0531-8123456",
      Q: 5000,
      R: 25,
      S: "离退休",
      T: "高级教师",
      U: "2022年退休",
    },
  ],
  // Row 15: 党费基数 is a VLOOKUP that found nothing → cell.formula-error Q15; dues.rate is then not checked.
  // 回族 (a minority). ID ends in upper-case X.
  [
    15,
    {
      A: 10,
      B: "郑强",
      C: "男",
      D: new XDate(1987, 1, 19),
      E: "回族",
      F: "山东济南",
      G: "37010219870119031X",
      H: "大学本科",
      I: "2009.09",
      J: "班主任",
      K: "第三党小组",
      L: "中共党员",
      M: "2008.11",
      N: "2010/12/1",
      O: "2011/12/1",
      P: "13905310010",
      Q: { formula: "VLOOKUP(B15,工资!A:B,2,FALSE)", result: { error: "#N/A" } },
      R: 90,
      S: "在职",
      T: "一级教师",
    },
  ],
  // Row 16: the same person entered again with the 18-digit ID → roster.id.duplicate G16 (and G10).
  [
    16,
    {
      A: 11,
      B: "陈静",
      C: "女",
      D: "1988-04-20",
      E: "汉族",
      F: "山东德州",
      G: upgrade15(LEGACY_ID),
      H: "大学专科",
      I: "2010.09",
      J: "英语教师",
      L: "中共党员",
      M: "2009年5月",
      N: "2011.6.1",
      O: "2012年6月1日",
      P: "13905310005",
      Q: 7200,
      R: 108,
      S: "在职",
      T: "一级教师",
      U: "调入",
    },
  ],
  // Row 17: 入党积极分子 (not a member): no 入党/转正 dates, no dues. Mobile with spaces. No issue.
  [
    17,
    {
      A: 12,
      B: "何雪",
      C: "女",
      D: new XDate(1996, 12, 3),
      E: "汉族",
      F: "山东烟台",
      G: "370102199612030482",
      H: "研究生",
      I: "2020.08",
      J: "音乐教师",
      L: "入党积极分子",
      M: "2023年3月1日",
      P: "177 0531 0017",
      S: "在职",
      T: "二级教师",
    },
  ],
  // Row 18: 预备党员 admitted 2026-06-28 (due 2027, nothing to report) with base 2800 but no 月党费 →
  // roster.dues.missing R18.
  [
    18,
    {
      A: 13,
      B: "杨帆",
      C: "男",
      D: "1994.10",
      E: "汉族",
      F: "山东青岛",
      G: "370102199410170196",
      H: "大学本科",
      I: "2019.08",
      J: "信息技术教师",
      L: "中共预备党员",
      M: "2021.09",
      N: "2026/6/28",
      P: "18653100018",
      Q: 2800,
      S: "在职",
      T: "二级教师",
    },
  ],
];

const GROUP_MERGES = ["K5:K8", "K10:K13", "K15:K18"];

function excelValue(v: In): ExcelJS.CellValue {
  if (v instanceof XDate) return new Date(Date.UTC(v.y, v.m - 1, v.d));
  return v as ExcelJS.CellValue;
}

async function writeUnseenRoster(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "济南市第十七中学";
  const ws = wb.addWorksheet(SHEET);
  ws.mergeCells(`A1:${LAST_COL}1`);
  ws.getCell("A1").value = "济南市第十七中学党员信息统计表";
  ws.getCell("A1").font = { name: "宋体", size: 18, bold: true };
  ws.getCell("A1").alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 32;
  ws.mergeCells(`A2:${LAST_COL}2`);
  ws.getCell("A2").value = "填报单位：济南市第十七中学党支部（盖章）　　　　填报日期：2026年11月20日";
  ws.getCell("A2").alignment = { horizontal: "left" };
  ws.getCell("A3").value = "说明：带*为必填项，日期请按“2019.11.1”格式填写。";
  ws.getCell("A3").font = { italic: true, size: 9 };

  const header = ws.getRow(HEADER_ROW);
  for (const [col, text] of COLUMNS) {
    const cell = ws.getCell(`${col}${HEADER_ROW}`);
    cell.value = text;
    cell.font = { name: "黑体", bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = {
      top: { style: "thin" },
      left: { style: "thin" },
      bottom: { style: "thin" },
      right: { style: "thin" },
    };
  }
  header.height = 36;
  ws.getColumn("G").numFmt = "@";

  for (const [row, person] of PEOPLE) {
    for (const [col, v] of Object.entries(person)) {
      if (v === undefined || v === null) continue;
      const cell = ws.getCell(`${col}${row}`);
      cell.value = excelValue(v);
      if (v instanceof XDate) cell.numFmt = v.fmt;
    }
  }
  for (const range of GROUP_MERGES) {
    ws.mergeCells(range);
    ws.getCell(range.split(":")[0]!).alignment = { vertical: "middle", horizontal: "center" };
  }
  ws.views = [{ state: "frozen", ySplit: HEADER_ROW }];
  await wb.xlsx.writeFile(file);
}

// ------------------------------------------------------------------------------------------------ expectations

type Expected = readonly [cell: string, rule: string, severity: Issue["severity"], field: string];

/**
 * Worked out by hand from SPEC §2.1/§3 (see the comments on PEOPLE). Order: the header row (sheet-level) first,
 * then by row and column; issues on the same cell are listed by rule id (their mutual order is not specified).
 */
const EXPECTED: readonly Expected[] = [
  ["T4", "header.duplicate", "warning", "post"], // 职称 maps to 工作岗位 like 职务 (J) → warning on the later header
  ["B6", "cell.whitespace", "warning", "name"],
  ["B7", "cell.whitespace", "warning", "name"],
  ["G7", "roster.id.numeric", "error", "idNumber"],
  ["G8", "roster.id.format", "error", "idNumber"],
  ["N8", "roster.probation.due", "info", "admissionDate"],
  ["G10", "roster.id.duplicate", "error", "idNumber"],
  ["G10", "roster.id.legacy", "warning", "idNumber"],
  ["N11", "roster.probation.overdue", "warning", "admissionDate"],
  ["R11", "roster.dues.rate", "warning", "dues"],
  ["C12", "cell.enum", "error", "gender"],
  ["P12", "roster.phone.format", "warning", "phone"],
  ["E13", "cell.enum", "error", "ethnicity"],
  ["G13", "roster.id.checksum", "error", "idNumber"],
  ["G14", "roster.id.birthdate", "error", "idNumber"],
  ["Q15", "cell.formula-error", "error", "duesBase"],
  ["G16", "roster.id.duplicate", "error", "idNumber"],
  ["R18", "roster.dues.missing", "warning", "dues"],
];
const EXPECTED_COUNTS = { error: 9, warning: 8, info: 1 };

const EXPECTED_COLUMNS: Record<string, string> = Object.fromEntries(
  COLUMNS.filter(([, , key]) => key !== null).map(([col, , key]) => [key!, col]),
);

interface IssueLike {
  rule: string;
  severity: string;
  sheet: string;
  cell: string | null;
  row: number | null;
  field: string | null;
}

function rowOf(cell: string): number {
  return Number(/\d+$/.exec(cell)![0]);
}

function colOf(cell: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(cell)![0]) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Checks the list is in sheet order (null cells first, then row, then column) and returns it as tuples. */
function ordered(issues: readonly IssueLike[]): Expected[] {
  const keys = issues.map((i) => (i.cell === null ? -1 : rowOf(i.cell) * 1000 + colOf(i.cell)));
  for (let k = 1; k < keys.length; k++) {
    if (keys[k]! < keys[k - 1]!)
      throw new Error(`issues out of order at ${k}: ${issues[k - 1]!.cell} before ${issues[k]!.cell}`);
  }
  const tuples = issues.map((i) => [i.cell ?? "", i.rule, i.severity, i.field ?? ""] as unknown as Expected);
  // Within one cell the order is the engine's choice: compare by rule id there.
  return tuples
    .map((t, i) => ({ t, k: keys[i]!, i }))
    .sort((a, b) => a.k - b.k || (a.k === b.k ? a.t[1].localeCompare(b.t[1]) : a.i - b.i))
    .map((x) => x.t);
}

function withZeros(counts: Record<string, number>, keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = counts[k] ?? 0;
  for (const [k, v] of Object.entries(counts)) if (!(k in out)) out[k] = v;
  return out;
}

// ------------------------------------------------------------------------------------------------ tests

let dir: string;
let file: string;

beforeAll(async () => {
  dir = tempDir("zhibu-unseen-roster-");
  file = path.join(dir, "十七中党员信息.xlsx");
  await writeUnseenRoster(file);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the fixture's IDs are what the comments say (checked with the tests' own MOD 11-2)", () => {
  const valid = (id: string) => /^\d{17}[\dX]$/.test(id) && mod112(id.slice(0, 17)) === id[17];
  expect(valid("370102196803121359")).toBe(true);
  expect(valid("37010219850601058x".toUpperCase())).toBe(true);
  expect(valid("370102199207080136")).toBe(true);
  expect(FULL_WIDTH_ID.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))).toBe(
    "370102199207080136",
  );
  expect(valid("370102198309050267")).toBe(true);
  expect(mod112("37010219750505057")).toBe("7"); // row 13 holds …0571
  expect(valid("370102196202310242")).toBe(true); // checksum right, date impossible
  expect(valid("37010219870119031X")).toBe(true);
  expect(upgrade15(LEGACY_ID)).toBe("370102198804200226");
  expect(valid("370102199612030482")).toBe(true);
  expect(valid("370102199410170196")).toBe(true);
});

describe("through readWorkbookFile + validateWorkbook", () => {
  let result: ReturnType<typeof validateWorkbook>;

  beforeAll(async () => {
    const { snapshot } = await readWorkbookFile(file);
    result = validateWorkbook(snapshot, { asOf: AS_OF });
  });

  test("the sheet is recognised as a roster with its header on row 4 and 13 data rows (blank row skipped)", () => {
    expect(result.sheets).toHaveLength(1);
    const sheet = result.sheets[0]!;
    expect(sheet).toMatchObject({ sheet: SHEET, template: "roster", headerRow: HEADER_ROW, dataRows: 13 });
    expect(sheet.columns).toEqual(EXPECTED_COLUMNS);
  });

  test("exactly the hand-worked issues, in sheet order", () => {
    expect(result.issues.every((i) => i.sheet === SHEET)).toBe(true);
    expect(ordered(result.issues)).toEqual(EXPECTED);
    for (const i of result.issues) if (i.cell !== null) expect(i.row).toBe(rowOf(i.cell));
    expect(result.counts).toEqual(EXPECTED_COUNTS);
  });

  test("issue details: the enum suggestion, the legacy upgrade, the duplicate rows", () => {
    const at = (cell: string, rule: string) => result.issues.find((i) => i.cell === cell && i.rule === rule)!;
    expect(at("E13", "cell.enum").params["suggestion"]).toBe("汉族");
    expect(at("G10", "roster.id.legacy").params["upgraded"]).toBe("370102198804200226");
    expect(at("G14", "roster.id.birthdate").params["digits"]).toBe("19620231");
    expect(at("G13", "roster.id.checksum").params["expected"]).toBe("7");
    expect(at("Q15", "cell.formula-error").params["code"]).toBe("#N/A");
    expect(at("R11", "roster.dues.rate").params["expected"]).toBe(50);
  });

  test("the roster summary, computed by hand", () => {
    const summary = summarizeContexts(result.contexts, AS_OF)["roster"] as RosterSummary;
    // Members: rows 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 18 (row 17 is an 入党积极分子).
    expect(summary.members).toBe(12);
    expect(withZeros(summary.byCategory, ["正式党员", "预备党员", "发展对象", "入党积极分子", "入党申请人"])).toEqual({
      正式党员: 9,
      预备党员: 3,
      发展对象: 0,
      入党积极分子: 1,
      入党申请人: 0,
    });
    // Row 12's 性别 "女性" is unreadable, so it is counted under no gender.
    expect(summary.byGender).toEqual({ 男: 6, 女: 5 });
    expect(summary.women).toBe(5);
    expect(summary.womenRate).toBeCloseTo(5 / 12, 3);
    expect(summary.minorities).toBe(1); // 回族 (row 13's "汉" is unreadable, not a minority)
    expect(summary.byEducation).toEqual({ 大学本科: 7, 研究生: 2, 大学专科: 2, 中专: 1 });
    expect(summary.collegeOrAbove).toBe(11);
    expect(summary.byEmployment).toEqual({ 在职: 11, 离退休: 1 });
    // The merged 党小组 cells count for every row they cover: K5:K8 → 4, K10:K13 → 4, K15:K18 → 3 members (row 17
    // is not a member), K14 → 1.
    expect(summary.byGroup).toEqual({ 第一党小组: 4, 第二党小组: 4, 离退休党小组: 1, 第三党小组: 3 });
    // Ages at 2026-11-21 (birth from 出生年月, month-precision ones agreeing with the ID take the ID's day).
    expect(withZeros(summary.ageBands, [])).toEqual({
      "56-60": 1,
      "41-45": 2,
      "46-50": 1,
      "36-40": 4,
      "31-35": 2,
      "51-55": 1,
      ">=61": 1,
    });
    // 150 + 50 + 15 + 42 + 108 + 75 + 102 + 120 + 25 + 90 + 108 (row 18 has none).
    expect(summary.duesMonthlyTotal).toBe(885);
    expect(summary.probationTodo.map((t) => [t.row, t.status, t.due])).toEqual([
      [11, "overdue", "2026-10-15"],
      [8, "due", "2026-12-10"],
    ]);
  });
});

describe("through the real CLI", () => {
  test("validate --format json reports the same issues and exits 1", async () => {
    const run = await runCli(["validate", file, "--format", "json", "--as-of", "2026-11-21"]);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/); // never a stack trace
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      version: number;
      file: string;
      asOf: string;
      sheets: {
        sheet: string;
        template: string | null;
        headerRow: number | null;
        dataRows: number;
        columns: Record<string, string>;
      }[];
      issues: (IssueLike & { message: string })[];
      counts: Record<string, number>;
    };
    expect(report.version).toBe(1);
    expect(report.file).toBe("十七中党员信息.xlsx");
    expect(report.asOf).toBe("2026-11-21");
    expect(report.sheets).toEqual([
      {
        sheet: SHEET,
        template: "roster",
        headerRow: HEADER_ROW,
        headerRows: [HEADER_ROW, HEADER_ROW],
        dataRows: 13,
        columns: EXPECTED_COLUMNS,
        skippedRows: [],
      },
    ]);
    expect(ordered(report.issues)).toEqual(EXPECTED);
    for (const i of report.issues) {
      expect(i.sheet).toBe(SHEET);
      expect(i.row).toBe(i.cell === null ? null : rowOf(i.cell));
      expect(i.message).toMatch(/[\u4e00-\u9fff]/); // a Chinese message
    }
    const message = (cell: string, rule: string) =>
      report.issues.find((i) => i.cell === cell && i.rule === rule)!.message;
    expect(message("E13", "cell.enum")).toContain("汉族");
    expect(message("G10", "roster.id.legacy")).toContain("370102198804200226");
    expect(report.counts).toEqual(EXPECTED_COUNTS);
  });

  test("the input file is left untouched", async () => {
    const before = fs.readFileSync(file);
    await runCli(["validate", file, "--format", "json", "--as-of", "2026-11-21"]);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
