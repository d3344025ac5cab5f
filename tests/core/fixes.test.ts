/** Fixes (issue 10): each kind offers a value only where it is certain, and applying it clears exactly its issue. */
import type { CellValue, Issue, WorkbookSnapshot } from "../../src/core/types";
import { type Fix, deriveFixes } from "../../src/core/fixes";
import {
  badCheck,
  basePerson,
  date,
  makeId,
  probationer,
  rosterSheet,
  upgrade15,
  validate,
  workbook,
  type RosterRow,
} from "../helpers/build";
import { sheetOf } from "../helpers/build-sheet";

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** The snapshot with the fixes written into it, as a host would. */
function applied(wb: WorkbookSnapshot, fixes: readonly Fix[]): WorkbookSnapshot {
  return {
    ...wb,
    sheets: wb.sheets.map((s) => {
      const values = s.values.map((r) => r.slice());
      for (const f of fixes.filter((x) => x.sheet === s.name)) {
        const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(f.cell)!;
        const r = Number(row) - (s.originRow ?? 1);
        const c = colNumber(letters!) - (s.originCol ?? 1);
        while (values[r]!.length <= c) values[r]!.push(null);
        values[r]![c] = f.to as CellValue;
      }
      return { ...s, values };
    }),
  };
}

const key = (i: Issue) => `${i.rule} ${i.cell}`;

function roster(rows: RosterRow[]) {
  const built = rosterSheet(rows);
  const wb = workbook(built.sheet);
  const before = validate(wb);
  const fixes = deriveFixes(before);
  const after = validate(applied(wb, fixes));
  return { built, before, fixes, after };
}

/** Applying the fixes removed exactly the issues on fixed cells and kept every other one. */
function expectExactlyFixed(run: ReturnType<typeof roster>): void {
  const fixedCells = new Set(run.fixes.map((f) => f.cell));
  const resolved = new Set(run.fixes.map((f) => `${f.rule} ${f.cell}`));
  const kept = run.before.issues.filter((i) => !resolved.has(key(i)));
  expect(run.after.issues.map(key).sort()).toEqual(kept.map(key).sort());
  for (const i of run.after.issues) if (i.cell && fixedCells.has(i.cell)) expect(resolved.has(key(i))).toBe(false);
}

describe("fix kinds", () => {
  test("cell.whitespace: leading/trailing spaces and invisible characters are removed; an inner full-width space is left", () => {
    const run = roster([
      basePerson({ name: " 熊娥\u200b" }),
      basePerson({ name: "张\u3000伟", idNumber: makeId("19850615", "133") }),
    ]);
    expect(run.fixes.map((f) => [f.rule, f.cell, f.from, f.to])).toEqual([
      ["cell.whitespace", "B3", " 熊娥\u200b", "熊娥"],
    ]);
    expect(run.fixes[0]!.person).toBe("熊娥");
    expectExactlyFixed(run);
    expect(run.after.issues.map(key)).toEqual(["cell.whitespace B4"]);
  });

  test("cell.enum: the one closest allowed value (汉 → 汉族); nothing when no value is close", () => {
    const run = roster([
      basePerson({ ethnicity: "汉" }),
      basePerson({ ethnicity: "火星族", idNumber: makeId("19850615", "133") }),
    ]);
    expect(run.fixes.map((f) => [f.rule, f.cell, f.to])).toEqual([["cell.enum", "D3", "汉族"]]);
    expectExactlyFixed(run);
    expect(run.after.issues.map(key)).toEqual(["cell.enum D4"]);
  });

  test("roster.id.legacy: a 15-digit id becomes its 18-digit form", () => {
    const id15 = "110105491231002";
    const run = roster([basePerson({ idNumber: id15, birthDate: date(1949, 12, 31), gender: "女" })]);
    expect(run.before.issues.map(key)).toEqual(["roster.id.legacy E3"]);
    expect(run.fixes.map((f) => [f.rule, f.cell, f.from, f.to])).toEqual([
      ["roster.id.legacy", "E3", id15, upgrade15(id15)],
    ]);
    expect(run.after.issues).toEqual([]);
  });

  test("never for what needs the paper record: check character, gender against the ID, date order, duplicates", () => {
    const dup = makeId("19800101", "011");
    const run = roster([
      basePerson({ idNumber: badCheck(makeId()) }),
      basePerson({ gender: "女", idNumber: makeId("19850615", "133") }),
      basePerson({ idNumber: makeId("19850615", "153"), activistDate: date(2004, 1, 1) }),
      basePerson({ idNumber: dup, birthDate: date(1980, 1, 1) }),
      basePerson({ idNumber: dup, birthDate: date(1980, 1, 1), name: "李娜" }),
    ]);
    expect(run.before.issues.map((i) => i.rule).sort()).toEqual(
      [
        "roster.dates.order",
        "roster.gender.mismatch",
        "roster.id.checksum",
        "roster.id.duplicate",
        "roster.id.duplicate",
      ].sort(),
    );
    expect(run.fixes).toEqual([]);
  });

  test("roster.dues.rate and roster.dues.missing: the standard dues of a present base; no base, no fix", () => {
    const run = roster([
      basePerson({ dues: 22.5 }),
      basePerson({ dues: null, duesBase: 12000, idNumber: makeId("19850615", "133") }),
      basePerson({ dues: null, duesBase: null, idNumber: makeId("19850615", "153") }),
      basePerson({ dues: 3, duesBase: null, idNumber: makeId("19850615", "173") }),
    ]);
    expect(run.fixes.map((f) => [f.rule, f.cell, f.to])).toEqual([
      ["roster.dues.rate", "S3", 45],
      ["roster.dues.missing", "S4", 240],
    ]);
    expectExactlyFixed(run);
  });

  test("fix.text-date: a full date typed as text becomes a date in the template's format; a month stays text", () => {
    const run = roster([basePerson({ applicationDate: "2005年3月1日", birthDate: "1985.06" })]);
    expect(run.fixes).toEqual([
      expect.objectContaining({
        rule: "fix.text-date",
        cell: "L3",
        from: "2005年3月1日",
        to: date(2005, 3, 1),
        format: "yyyy-mm-dd",
      }),
    ]);
    expectExactlyFixed(run);
  });

  test("fix.text-number: a number stored as text in a number column; never in the ID or phone columns", () => {
    const run = roster([basePerson({ duesBase: "4500", dues: "45", phone: "13812345678" })]);
    expect(run.fixes.map((f) => [f.rule, f.cell, f.to])).toEqual([
      ["fix.text-number", "R3", 4500],
      ["fix.text-number", "S3", 45],
    ]);
    expectExactlyFixed(run);
  });

  test("fix.from-id / cell.required: empty 出生日期 and 性别 filled from a valid ID; not from a wrong one", () => {
    const run = roster([
      basePerson({ birthDate: null, gender: null }),
      basePerson({ birthDate: null, gender: null, idNumber: badCheck(makeId("19850615", "133")) }),
    ]);
    expect(run.fixes.map((f) => [f.rule, f.cell, f.to])).toEqual([
      ["cell.required", "C3", "男"],
      ["fix.from-id", "F3", date(1985, 6, 15)],
    ]);
    expectExactlyFixed(run);
    expect(run.after.issues.map(key).sort()).toEqual(["cell.required C4", "roster.id.checksum E4"]);
  });

  test("--only keeps the fixes of the named rules", () => {
    const built = rosterSheet([basePerson({ name: " 熊娥", ethnicity: "汉" })]);
    const result = validate(workbook(built.sheet));
    expect(deriveFixes(result, { only: ["cell.enum"] }).map((f) => f.rule)).toEqual(["cell.enum"]);
  });

  test("evaluation: 总分, 等次 and 排名 recomputed by the rules' arithmetic", () => {
    const headers = ["姓名", "部门", "德(30)", "能(30)", "勤(20)", "绩(20)", "总分", "排名", "等次"];
    const rows: Array<Record<string, CellValue>> = [
      {
        姓名: "王芳",
        部门: "一",
        "德(30)": 25,
        "能(30)": 25,
        "勤(20)": 15,
        "绩(20)": 15,
        总分: 70,
        排名: 2,
        等次: "合格",
      },
      {
        姓名: "李明",
        部门: "一",
        "德(30)": 25,
        "能(30)": 25,
        "勤(20)": 18,
        "绩(20)": 17,
        总分: 85,
        排名: 1,
        等次: "合格",
      },
      {
        姓名: "赵强",
        部门: "二",
        "德(30)": 20,
        "能(30)": 20,
        "勤(20)": 10,
        "绩(20)": 10,
        总分: 60,
        排名: 2,
        等次: "合格",
      },
    ];
    const wb: WorkbookSnapshot = { name: "t.xlsx", sheets: [sheetOf("年终考核", headers, rows)] };
    const before = validate(wb);
    expect(before.issues.map(key).sort()).toEqual([
      "eval.grade.threshold I5",
      "eval.rank.mismatch H5",
      "eval.total.mismatch G3",
    ]);
    const fixes = deriveFixes(before);
    expect(fixes.map((f) => [f.rule, f.cell, f.to, f.person])).toEqual([
      ["eval.total.mismatch", "G3", 80, "王芳"],
      ["eval.rank.mismatch", "H5", 3, "赵强"],
      ["eval.grade.threshold", "I5", "基本合格", "赵强"],
    ]);
    expect(validate(applied(wb, fixes)).issues).toEqual([]);
  });

  test("a 预备党员 row's unrelated issues are left as they are", () => {
    const run = roster([probationer(date(2025, 1, 1), { dues: 22.5 })]);
    expect(run.fixes.map((f) => f.rule)).toEqual(["roster.dues.rate"]);
    expectExactlyFixed(run);
    expect(run.after.issues.map((i) => i.rule)).toEqual(["roster.probation.overdue"]);
  });
});
