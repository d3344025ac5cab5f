/**
 * Roster rules (SPEC §3 "Roster" + "Precise readings"). Every rule gets a passing case (the valid base row has
 * no issue of that id) and a failing case asserting rule, severity, cell, row and field.
 *
 * Layout of every sheet built here (tests/helpers/build.ts): row 1 merged title, row 2 header, data from row 3;
 * columns in SPEC order: A 序号, B 姓名, C 性别, D 民族, E 身份证号, F 出生日期, G 学历, H 工作岗位, I 党小组,
 * J 人员类别, K 在职状态, L 申请入党日期, M 确定积极分子日期, N 确定发展对象日期, O 入党日期, P 转正日期,
 * Q 联系电话, R 党费基数, S 月缴党费, T 备注. As-of is 2026-11-21.
 */
import type { CellValue, Issue, Severity } from "../../src/core/types";
import {
  EXAMPLE_ID,
  basePerson,
  badCheck,
  date,
  makeId,
  mod112,
  probationer,
  ruleIds,
  runRoster,
  upgrade15,
  type RosterRow,
} from "../helpers/build";
import { ROSTER_RULES } from "../helpers/spec-ids";

/** Exactly one issue of `rule` on the first data row (sheet row 3), with the given severity, cell and field. */
function expectOne(row: RosterRow, rule: string, severity: Severity, cell: string, field: string): Issue {
  const run = runRoster([row]);
  const found = run.of(rule);
  expect({ rule, found: found.length, all: ruleIds(run.issues) }).toEqual({
    rule,
    found: 1,
    all: expect.arrayContaining([rule]),
  });
  const issue = found[0]!;
  expect(issue).toMatchObject({
    rule,
    severity,
    cell,
    row: 3,
    field,
    sheet: "党员花名册",
  });
  return issue;
}

/** No issue of `rule` for this row. */
function expectNone(row: RosterRow, rule: string): void {
  const run = runRoster([row]);
  expect({ rule, issues: run.of(rule) }).toEqual({ rule, issues: [] });
}

describe("helper sanity (independent MOD 11-2)", () => {
  test("published example ids have the published check characters", () => {
    expect(mod112(EXAMPLE_ID.slice(0, 17))).toBe("X");
    expect(mod112("44052418800101001")).toBe("4");
  });
  test("the 15-digit example upgrades to the published 18-digit id", () => {
    expect(upgrade15("110105491231002")).toBe(EXAMPLE_ID);
  });
});

describe("the valid base row", () => {
  test("yields no issue at all", () => {
    const run = runRoster([basePerson()]);
    expect(run.issues).toEqual([]);
    expect(run.result.sheets[0]).toMatchObject({
      template: "roster",
      headerRow: 2,
      dataRows: 1,
    });
  });

  test.each(ROSTER_RULES)("has no %s issue (also as 预备党员 and with the published example id)", (rule) => {
    expectNone(basePerson(), rule);
    expectNone(probationer(date(2026, 3, 1)), rule);
    expectNone(
      basePerson({
        idNumber: EXAMPLE_ID,
        gender: "女",
        birthDate: date(1949, 12, 31),
      }),
      rule,
    );
  });
});

describe("roster.id.format", () => {
  test.each([
    ["17 digits", "11010519850615123"],
    ["16 digits", "1101051985061512"],
    ["19 digits", "1101051985061512345"],
    ["letter inside", "11010519850615A234"],
    ["Y as check", "11010519850615123Y"],
    ["text", "无"],
  ])("%s → error on 身份证号", (_label, id) => {
    const issue = expectOne(basePerson({ idNumber: id }), "roster.id.format", "error", "E3", "idNumber");
    expect(issue.params["value"]).toBe(id);
  });

  test("a malformed id gets no checksum/birthdate/gender/duplicate issues", () => {
    const run = runRoster([basePerson({ idNumber: "1101051985" }), basePerson({ idNumber: "1101051985" })]);
    for (const r of [
      "roster.id.checksum",
      "roster.id.birthdate",
      "roster.id.duplicate",
      "roster.gender.mismatch",
      "roster.birthdate.mismatch",
    ]) {
      expect({ r, n: run.of(r).length }).toEqual({ r, n: 0 });
    }
  });

  test("lower-case x is accepted (no format, no checksum issue)", () => {
    const id = EXAMPLE_ID.toLowerCase();
    const row = basePerson({
      idNumber: id,
      gender: "女",
      birthDate: date(1949, 12, 31),
    });
    expectNone(row, "roster.id.format");
    expectNone(row, "roster.id.checksum");
    expect(runRoster([row]).issues).toEqual([]);
  });

  test("a 15-digit legacy id is not a format error", () => {
    expectNone(
      basePerson({
        idNumber: "110105491231002",
        gender: "女",
        birthDate: date(1949, 12, 31),
      }),
      "roster.id.format",
    );
  });
});

describe("roster.id.legacy", () => {
  const legacy = basePerson({
    idNumber: "110105491231002",
    gender: "女",
    birthDate: date(1949, 12, 31),
  });

  test("15-digit id → warning with the upgraded 18-digit id in params", () => {
    const issue = expectOne(legacy, "roster.id.legacy", "warning", "E3", "idNumber");
    expect(issue.params["upgraded"]).toBe(EXAMPLE_ID);
  });

  test("it is the only issue: read as 19YYMMDD (1949-12-31), gender from digit 15 (2 → 女), no checksum", () => {
    expect(ruleIds(runRoster([legacy]).issues)).toEqual(["roster.id.legacy"]);
  });

  test("birth date is read as 19YYMMDD: 出生日期 1949-12-30 mismatches", () => {
    expectOne({ ...legacy, birthDate: date(1949, 12, 30) }, "roster.birthdate.mismatch", "warning", "F3", "birthDate");
  });

  test("gender digit is digit 15: 男 with digit 15 = 2 mismatches; odd digit 15 matches 男", () => {
    expectOne({ ...legacy, gender: "男" }, "roster.gender.mismatch", "error", "C3", "gender");
    expectNone({ ...legacy, idNumber: "110105491231003", gender: "男" }, "roster.gender.mismatch");
  });

  test("an invalid date inside a 15-digit id is an id.birthdate error (19YY0230)", () => {
    expectOne(
      basePerson({ idNumber: "110105850230123", birthDate: null }),
      "roster.id.birthdate",
      "error",
      "E3",
      "idNumber",
    );
  });

  test("a legacy id and its 18-digit twin are duplicates (both rows)", () => {
    const run = runRoster([
      legacy,
      basePerson({
        idNumber: EXAMPLE_ID,
        gender: "女",
        birthDate: date(1949, 12, 31),
      }),
    ]);
    expect(run.of("roster.id.duplicate").map((i) => [i.cell, i.row])).toEqual([
      ["E3", 3],
      ["E4", 4],
    ]);
  });

  test("an 18-digit id is not legacy", () => {
    expectNone(basePerson(), "roster.id.legacy");
  });
});

describe("roster.id.numeric", () => {
  test("an id held as a number → only roster.id.numeric (error on 身份证号)", () => {
    expectOne(basePerson({ idNumber: 110105198506151230 }), "roster.id.numeric", "error", "E3", "idNumber");
  });

  test("no checksum, birth, gender or duplicate checks for a numeric id, even when they would fail", () => {
    // Two identical numbers, a gender and 出生日期 that disagree with the digits: still only id.numeric.
    const n = 110105198506151230;
    const run = runRoster([
      basePerson({ idNumber: n, gender: "女", birthDate: date(1984, 1, 1) }),
      basePerson({ idNumber: n, seq: 2 }),
    ]);
    expect(ruleIds(run.issues)).toEqual(["roster.id.numeric"]);
    expect(run.of("roster.id.numeric").map((i) => i.cell)).toEqual(["E3", "E4"]);
  });

  test("a numeric id with an invalid embedded date or in the future is still only id.numeric", () => {
    const run = runRoster([basePerson({ idNumber: 110105203002301230, birthDate: null })]);
    expect(ruleIds(run.issues)).toEqual(["roster.id.numeric"]);
  });

  test("the same digits as text are not numeric", () => {
    expectNone(basePerson(), "roster.id.numeric");
  });
});

describe("roster.id.checksum", () => {
  test("wrong check character → error with the expected character", () => {
    const good = makeId("19850615", "123");
    const issue = expectOne(basePerson({ idNumber: badCheck(good) }), "roster.id.checksum", "error", "E3", "idNumber");
    expect(issue.params["expected"]).toBe(good.slice(-1));
  });

  test("check character X expected but 0 given", () => {
    const issue = expectOne(
      basePerson({
        idNumber: "110105194912310020",
        gender: "女",
        birthDate: date(1949, 12, 31),
      }),
      "roster.id.checksum",
      "error",
      "E3",
      "idNumber",
    );
    expect(issue.params["expected"]).toBe("X");
  });

  test.each(["19700101", "19991231", "20000229", "19850615"])(
    "ids generated with the independent MOD 11-2 pass (%s)",
    (birth) => {
      for (const seq of ["001", "002", "117", "998"]) {
        const id = makeId(birth, seq, "330106");
        const gender = Number(seq[2]) % 2 === 1 ? "男" : "女";
        expectNone(basePerson({ idNumber: id, gender, birthDate: null }), "roster.id.checksum");
      }
    },
  );
});

describe("roster.id.birthdate", () => {
  test("digits 7–14 not a real date (1985-02-31) → error", () => {
    expectOne(
      basePerson({ idNumber: makeId("19850231", "123"), birthDate: null }),
      "roster.id.birthdate",
      "error",
      "E3",
      "idNumber",
    );
  });

  test("month 13 → error", () => {
    expectOne(
      basePerson({ idNumber: makeId("19851301", "123"), birthDate: null }),
      "roster.id.birthdate",
      "error",
      "E3",
      "idNumber",
    );
  });

  test("29 Feb in a leap year is fine, in a common year it is not", () => {
    expectNone(
      basePerson({
        idNumber: makeId("20000229", "123"),
        birthDate: null,
        applicationDate: date(2019, 3, 1),
      }),
      "roster.id.birthdate",
    );
    expectOne(
      basePerson({ idNumber: makeId("19990229", "123"), birthDate: null }),
      "roster.id.birthdate",
      "error",
      "E3",
      "idNumber",
    );
  });

  test("a birth date after as-of fires; on as-of it does not", () => {
    expectOne(
      basePerson({ idNumber: makeId("20261122", "123"), birthDate: null }),
      "roster.id.birthdate",
      "error",
      "E3",
      "idNumber",
    );
    expectNone(basePerson({ idNumber: makeId("20261121", "123"), birthDate: null }), "roster.id.birthdate");
  });
});

describe("roster.id.duplicate", () => {
  test("the same id on two rows → every such row gets it", () => {
    const run = runRoster([
      basePerson(),
      basePerson({ seq: 2, name: "李强" }),
      basePerson({ seq: 3, name: "王芳", idNumber: makeId("19850615", "125") }),
    ]);
    const dups = run.of("roster.id.duplicate");
    expect(
      dups.map((i) => ({
        cell: i.cell,
        row: i.row,
        field: i.field,
        severity: i.severity,
      })),
    ).toEqual([
      { cell: "E3", row: 3, field: "idNumber", severity: "error" },
      { cell: "E4", row: 4, field: "idNumber", severity: "error" },
    ]);
  });

  test("three rows with one id → three issues", () => {
    const run = runRoster([basePerson(), basePerson({ seq: 2 }), basePerson({ seq: 3 })]);
    expect(run.of("roster.id.duplicate").map((i) => i.row)).toEqual([3, 4, 5]);
  });

  test("duplicates are found after normalising (lower-case x, spaces, full-width digits)", () => {
    const fw = EXAMPLE_ID.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const p = { gender: "女", birthDate: date(1949, 12, 31) };
    const run = runRoster([
      basePerson({ ...p, idNumber: EXAMPLE_ID }),
      basePerson({ ...p, idNumber: EXAMPLE_ID.toLowerCase() }),
      basePerson({ ...p, idNumber: fw }),
    ]);
    expect(run.of("roster.id.duplicate").map((i) => i.row)).toEqual([3, 4, 5]);
  });

  test("different ids are not duplicates; a blank row between does not matter", () => {
    const run = runRoster([basePerson(), null, basePerson({ idNumber: makeId("19850615", "133") })]);
    expect(run.of("roster.id.duplicate")).toEqual([]);
  });
});

describe("roster.birthdate.mismatch", () => {
  test("出生日期 a day off the id → warning on 出生日期", () => {
    expectOne(basePerson({ birthDate: date(1985, 6, 16) }), "roster.birthdate.mismatch", "warning", "F3", "birthDate");
  });

  test("same date typed as text agrees", () => {
    expectNone(basePerson({ birthDate: "1985-06-15" }), "roster.birthdate.mismatch");
    expectNone(basePerson({ birthDate: "1985年6月15日" }), "roster.birthdate.mismatch");
  });

  test("month precision compares by month: 1975.10 vs 19751228 mismatches, 1975.12 agrees", () => {
    const id = makeId("19751228", "123");
    expectOne(
      basePerson({ idNumber: id, birthDate: "1975.10" }),
      "roster.birthdate.mismatch",
      "warning",
      "F3",
      "birthDate",
    );
    expectNone(basePerson({ idNumber: id, birthDate: "1975.12" }), "roster.birthdate.mismatch");
    expectNone(basePerson({ idNumber: id, birthDate: "1975年12月" }), "roster.birthdate.mismatch");
  });

  test("empty or unreadable 出生日期 does not fire (unreadable gets cell.type)", () => {
    expectNone(basePerson({ birthDate: null }), "roster.birthdate.mismatch");
    const run = runRoster([basePerson({ birthDate: "1985-06-32" })]);
    expect(run.of("roster.birthdate.mismatch")).toEqual([]);
    expect(run.of("cell.type").map((i) => i.cell)).toEqual(["F3"]);
  });
});

describe("roster.gender.mismatch", () => {
  test("性别 女 but digit 17 odd → error on 性别", () => {
    expectOne(basePerson({ gender: "女" }), "roster.gender.mismatch", "error", "C3", "gender");
  });

  test("性别 男 but digit 17 even → error", () => {
    expectOne(basePerson({ idNumber: makeId("19850615", "124") }), "roster.gender.mismatch", "error", "C3", "gender");
  });

  test("even digit 17 with 女 agrees; 0 is even", () => {
    expectNone(basePerson({ idNumber: makeId("19850615", "120"), gender: "女" }), "roster.gender.mismatch");
  });

  test("an invalid 性别 value is cell.enum, not a mismatch", () => {
    const run = runRoster([basePerson({ gender: "未知" })]);
    expect(run.of("roster.gender.mismatch")).toEqual([]);
    expect(run.of("cell.enum").map((i) => i.cell)).toEqual(["C3"]);
  });
});

describe("roster.future-date", () => {
  const cells: Array<[string, string]> = [
    ["applicationDate", "L3"],
    ["activistDate", "M3"],
    ["candidateDate", "N3"],
    ["admissionDate", "O3"],
    ["fullDate", "P3"],
    ["birthDate", "F3"],
  ];

  test.each(cells)("%s after as-of → error on that cell", (field, cell) => {
    const run = runRoster([basePerson({ [field]: date(2027, 1, 1) })]);
    const found = run.of("roster.future-date");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", cell, row: 3, field });
  });

  test("the day after as-of fires, as-of itself does not", () => {
    expectOne(
      basePerson({
        fullDate: date(2026, 11, 22),
        admissionDate: date(2025, 11, 1),
      }),
      "roster.future-date",
      "error",
      "P3",
      "fullDate",
    );
    expectNone(
      basePerson({
        fullDate: date(2026, 11, 21),
        admissionDate: date(2025, 11, 1),
      }),
      "roster.future-date",
    );
  });

  test("month precision compares by month: 2026.11 is not future, 2026.12 is", () => {
    expectNone(probationer("2026.11"), "roster.future-date");
    expectOne(probationer("2026.12"), "roster.future-date", "error", "O3", "admissionDate");
  });

  test("dates typed as text are read before comparing", () => {
    expectOne(
      basePerson({ note: null, applicationDate: "2026年12月1日" }),
      "roster.future-date",
      "error",
      "L3",
      "applicationDate",
    );
  });
});

describe("roster.dates.order", () => {
  test("activist before application → error on the later date of the pair (确定积极分子日期)", () => {
    const issue = expectOne(
      basePerson({ activistDate: date(2005, 2, 1) }),
      "roster.dates.order",
      "error",
      "M3",
      "activistDate",
    );
    expect(issue.params).toMatchObject({
      earlier: "2005-03-01",
      later: "2005-02-01",
    });
  });

  test("full before admission → on 转正日期", () => {
    expectOne(basePerson({ fullDate: date(2007, 5, 1) }), "roster.dates.order", "error", "P3", "fullDate");
  });

  test("equal dates are in order", () => {
    expectNone(basePerson({ activistDate: date(2005, 3, 1) }), "roster.dates.order");
  });

  test("missing middle dates are skipped: candidate is compared with application when activist is empty", () => {
    expectOne(
      basePerson({ activistDate: null, candidateDate: date(2005, 1, 1) }),
      "roster.dates.order",
      "error",
      "N3",
      "candidateDate",
    );
    expectNone(basePerson({ activistDate: null, candidateDate: null }), "roster.dates.order");
  });

  test("only consecutive present dates are compared", () => {
    // application 2005-03-01, activist 2004-01-01 (breaks), candidate 2005-01-01 (after activist, before
    // application, but not consecutive with it) → one issue, on activist.
    const run = runRoster([
      basePerson({
        activistDate: date(2004, 1, 1),
        candidateDate: date(2005, 1, 1),
      }),
    ]);
    expect(run.of("roster.dates.order").map((i) => i.cell)).toEqual(["M3"]);
  });

  test("two broken pairs → two issues, each on the later date", () => {
    const run = runRoster([
      basePerson({
        activistDate: date(2005, 1, 1),
        fullDate: date(2007, 1, 1),
      }),
    ]);
    expect(run.of("roster.dates.order").map((i) => i.cell)).toEqual(["M3", "P3"]);
  });

  test("month precision compares by month", () => {
    expectNone(
      basePerson({
        applicationDate: "2005.09",
        activistDate: date(2005, 9, 1),
      }),
      "roster.dates.order",
    );
    expectNone(
      basePerson({
        applicationDate: date(2005, 9, 30),
        activistDate: "2005.09",
      }),
      "roster.dates.order",
    );
    expectOne(
      basePerson({
        applicationDate: date(2005, 10, 1),
        activistDate: "2005.09",
      }),
      "roster.dates.order",
      "error",
      "M3",
      "activistDate",
    );
  });
});

describe("roster.age.application", () => {
  // Born 1990-05-10 (from the id); chain after application kept consistent.
  const young = (application: CellValue, over: RosterRow = {}): RosterRow =>
    basePerson({
      idNumber: makeId("19900510", "123"),
      birthDate: date(1990, 5, 10),
      applicationDate: application,
      activistDate: date(2008, 11, 1),
      candidateDate: date(2009, 12, 1),
      admissionDate: date(2010, 6, 1),
      fullDate: date(2011, 6, 1),
      ...over,
    });

  test("exactly 18 on the application day is fine", () => {
    expectNone(young(date(2008, 5, 10)), "roster.age.application");
  });

  test("one day before the 18th birthday → error on 申请入党日期", () => {
    const issue = expectOne(young(date(2008, 5, 9)), "roster.age.application", "error", "L3", "applicationDate");
    expect(issue.params["age"]).toBe(17);
  });

  test("age comes from the id when 出生日期 is empty", () => {
    expectOne(young(date(2008, 5, 9), { birthDate: null }), "roster.age.application", "error", "L3", "applicationDate");
    expectNone(young(date(2008, 5, 10), { birthDate: null }), "roster.age.application");
  });

  test("a month-precision 出生日期 that agrees with the id uses the id's day", () => {
    expectNone(young(date(2008, 5, 10), { birthDate: "1990.05" }), "roster.age.application");
    expectOne(
      young(date(2008, 5, 9), { birthDate: "1990.05" }),
      "roster.age.application",
      "error",
      "L3",
      "applicationDate",
    );
  });

  test("empty application date does not fire", () => {
    expectNone(young(null), "roster.age.application");
  });

  // Month-precision dates compare by month: applying in the month of the 18th birthday is not under 18.
  test("month-precision application date in the month of the 18th birthday does not fire", () => {
    expectNone(young("2008.05"), "roster.age.application");
  });

  test("month-precision application date a month before the 18th birthday fires", () => {
    expectOne(young("2008.04"), "roster.age.application", "error", "L3", "applicationDate");
  });

  // Birthdays follow SPEC §3's year boundary: born 29 Feb, one turns 18 on 28 Feb of a common year.
  test("born 29 Feb: 18 on 28 Feb of a common year (same boundary as addYears)", () => {
    expectNone(
      young(date(2018, 2, 28), {
        idNumber: makeId("20000229", "123"),
        birthDate: date(2000, 2, 29),
        activistDate: date(2018, 11, 1),
        candidateDate: date(2019, 12, 1),
        admissionDate: date(2020, 6, 1),
        fullDate: date(2021, 6, 1),
      }),
      "roster.age.application",
    );
  });

  test("born 29 Feb: 27 Feb of the 18th year fires", () => {
    expectOne(
      young(date(2018, 2, 27), {
        idNumber: makeId("20000229", "123"),
        birthDate: date(2000, 2, 29),
        activistDate: date(2018, 11, 1),
        candidateDate: date(2019, 12, 1),
        admissionDate: date(2020, 6, 1),
        fullDate: date(2021, 6, 1),
      }),
      "roster.age.application",
      "error",
      "L3",
      "applicationDate",
    );
  });
});

describe("roster.activist.period", () => {
  const row = (activist: CellValue, candidate: CellValue) =>
    basePerson({
      applicationDate: date(2020, 1, 1),
      activistDate: activist,
      candidateDate: candidate,
      admissionDate: date(2022, 6, 1),
      fullDate: date(2023, 6, 1),
    });

  test("candidate exactly one year after activist is fine", () => {
    expectNone(row(date(2020, 3, 15), date(2021, 3, 15)), "roster.activist.period");
  });

  test("one day short → error on 确定发展对象日期", () => {
    const issue = expectOne(
      row(date(2020, 3, 15), date(2021, 3, 14)),
      "roster.activist.period",
      "error",
      "N3",
      "candidateDate",
    );
    expect(issue.params["earliest"]).toBe("2021-03-15");
  });

  test("29 Feb activist: 28 Feb next year is a full year, 27 Feb is not", () => {
    expectNone(row(date(2020, 2, 29), date(2021, 2, 28)), "roster.activist.period");
    expectOne(row(date(2020, 2, 29), date(2021, 2, 27)), "roster.activist.period", "error", "N3", "candidateDate");
  });

  test("month precision compares by month", () => {
    expectNone(row("2020.03", date(2021, 3, 1)), "roster.activist.period");
    expectOne(row("2020.03", "2021.02"), "roster.activist.period", "error", "N3", "candidateDate");
  });

  test("either date empty → no issue", () => {
    expectNone(row(null, date(2020, 6, 1)), "roster.activist.period");
    expectNone(row(date(2020, 3, 15), null), "roster.activist.period");
  });
});

describe("roster.probation.early", () => {
  const row = (admission: CellValue, full: CellValue) =>
    basePerson({
      applicationDate: date(2021, 1, 1),
      activistDate: date(2021, 6, 1),
      candidateDate: date(2022, 7, 1),
      admissionDate: admission,
      fullDate: full,
    });

  test("exactly one year is fine (2024-06-10 → 2025-06-10)", () => {
    expectNone(row(date(2024, 6, 10), date(2025, 6, 10)), "roster.probation.early");
  });

  test("one day less → error on 转正日期", () => {
    const issue = expectOne(
      row(date(2024, 6, 10), date(2025, 6, 9)),
      "roster.probation.early",
      "error",
      "P3",
      "fullDate",
    );
    expect(issue.params["earliest"]).toBe("2025-06-10");
  });

  test("29 Feb admission: +1 year is 28 Feb (2025-02-28 fine, 2025-02-27 early)", () => {
    expectNone(row(date(2024, 2, 29), date(2025, 2, 28)), "roster.probation.early");
    expectOne(row(date(2024, 2, 29), date(2025, 2, 27)), "roster.probation.early", "error", "P3", "fullDate");
  });

  test("text dates are read", () => {
    expectOne(row("2024/6/10", "2025.6.9"), "roster.probation.early", "error", "P3", "fullDate");
  });
});

describe("roster.probation.long", () => {
  const row = (admission: CellValue, full: CellValue) =>
    basePerson({
      applicationDate: date(2019, 1, 1),
      activistDate: date(2019, 6, 1),
      candidateDate: date(2020, 7, 1),
      admissionDate: admission,
      fullDate: full,
    });

  test("exactly +2 years is fine", () => {
    expectNone(row(date(2022, 6, 10), date(2024, 6, 10)), "roster.probation.long");
  });

  test("+2 years +1 day → warning on 转正日期", () => {
    expectOne(row(date(2022, 6, 10), date(2024, 6, 11)), "roster.probation.long", "warning", "P3", "fullDate");
  });

  test("29 Feb admission: +2 years = 28 Feb", () => {
    expectNone(row(date(2024, 2, 29), date(2026, 2, 28)), "roster.probation.long");
    expectOne(row(date(2024, 2, 29), date(2026, 3, 1)), "roster.probation.long", "warning", "P3", "fullDate");
  });
});

describe("roster.probation.overdue / roster.probation.due", () => {
  // as-of 2026-11-21; as-of + 30 days = 2026-12-21.
  test("admission + 1 year == as-of → overdue (warning on 入党日期), not due", () => {
    expectOne(probationer(date(2025, 11, 21)), "roster.probation.overdue", "warning", "O3", "admissionDate");
    expectNone(probationer(date(2025, 11, 21)), "roster.probation.due");
  });

  test("long overdue", () => {
    const issue = expectOne(
      probationer(date(2024, 5, 1)),
      "roster.probation.overdue",
      "warning",
      "O3",
      "admissionDate",
    );
    expect(issue.params["due"]).toBe("2025-05-01");
  });

  test("the day after → due (info on 入党日期), not overdue", () => {
    expectOne(probationer(date(2025, 11, 22)), "roster.probation.due", "info", "O3", "admissionDate");
    expectNone(probationer(date(2025, 11, 22)), "roster.probation.overdue");
  });

  test("exactly 30 days after as-of → due; 31 days → nothing", () => {
    expectOne(probationer(date(2025, 12, 21)), "roster.probation.due", "info", "O3", "admissionDate");
    expectNone(probationer(date(2025, 12, 22)), "roster.probation.due");
    expectNone(probationer(date(2025, 12, 22)), "roster.probation.overdue");
  });

  test("29 Feb admission: due on 28 Feb (as-of 2025-02-28 → overdue; 2025-02-27 → due)", () => {
    const row = probationer(date(2024, 2, 29), {
      applicationDate: date(2021, 3, 1),
    });
    const over = runRoster([row], { validate: { asOf: date(2025, 2, 28) } });
    expect(over.of("roster.probation.overdue").map((i) => i.cell)).toEqual(["O3"]);
    const due = runRoster([row], { validate: { asOf: date(2025, 2, 27) } });
    expect(due.of("roster.probation.overdue")).toEqual([]);
    expect(due.of("roster.probation.due").map((i) => i.cell)).toEqual(["O3"]);
  });

  test("only for 预备党员 without 转正日期", () => {
    // 正式党员 admitted long ago: neither.
    expectNone(basePerson(), "roster.probation.overdue");
    expectNone(basePerson({ admissionDate: date(2025, 11, 22), fullDate: null }), "roster.probation.due");
    // 预备党员 with a 转正日期: category mismatch, but not overdue.
    expectNone(probationer(date(2024, 5, 1), { fullDate: date(2025, 5, 1) }), "roster.probation.overdue");
  });

  test("no admission date → neither", () => {
    expectNone(probationer(null), "roster.probation.overdue");
    expectNone(probationer(null), "roster.probation.due");
  });

  test("the 设置 sheet's 统计截止日期 is the as-of when no option overrides it", () => {
    const run = runRoster([probationer(date(2025, 6, 1))], {
      validate: { asOf: undefined },
      extraSheets: [
        {
          name: "设置",
          values: [
            ["项目", "值"],
            ["统计截止日期", "2026-05-20"],
          ],
        },
      ],
    });
    expect(run.result.asOf).toEqual(date(2026, 5, 20));
    expect(run.of("roster.probation.overdue")).toEqual([]);
    expect(run.of("roster.probation.due").map((i) => i.cell)).toEqual(["O3"]);
  });
});

describe("roster.category.mismatch", () => {
  test.each<[string, RosterRow, string]>([
    ["正式党员 without 转正日期", basePerson({ fullDate: null }), "fullWithoutFullDate"],
    [
      "预备党员 with 转正日期",
      probationer(date(2024, 5, 1), { fullDate: date(2025, 5, 1) }),
      "probationaryWithFullDate",
    ],
    ["预备党员 without 入党日期", probationer(null), "probationaryWithoutAdmission"],
    ["发展对象 with 入党日期", basePerson({ category: "发展对象", fullDate: null, dues: null }), "nonMemberWithDates"],
    [
      "入党积极分子 with 转正日期",
      basePerson({
        category: "入党积极分子",
        admissionDate: null,
        candidateDate: null,
        dues: null,
      }),
      "nonMemberWithDates",
    ],
    ["入党申请人 with both", basePerson({ category: "入党申请人", dues: null }), "nonMemberWithDates"],
  ])("%s → error on 人员类别", (_label, row, reason) => {
    const issue = expectOne(row, "roster.category.mismatch", "error", "J3", "category");
    expect(issue.params["reason"]).toBe(reason);
  });

  test.each<[string, RosterRow]>([
    ["正式党员 with 转正日期", basePerson()],
    ["预备党员 with 入党日期, no 转正日期", probationer(date(2026, 3, 1))],
    [
      "发展对象 without 入党/转正日期",
      basePerson({
        category: "发展对象",
        admissionDate: null,
        fullDate: null,
        dues: null,
      }),
    ],
    [
      "入党积极分子 without",
      basePerson({
        category: "入党积极分子",
        candidateDate: null,
        admissionDate: null,
        fullDate: null,
        dues: null,
      }),
    ],
    [
      "入党申请人 without",
      basePerson({
        category: "入党申请人",
        activistDate: null,
        candidateDate: null,
        admissionDate: null,
        fullDate: null,
        dues: null,
      }),
    ],
  ])("%s is consistent", (_label, row) => {
    expectNone(row, "roster.category.mismatch");
  });

  test("a synonym category (中共党员) is checked as 正式党员", () => {
    expectOne(
      basePerson({ category: "中共党员", fullDate: null }),
      "roster.category.mismatch",
      "error",
      "J3",
      "category",
    );
  });

  test("an unreadable category does not fire (cell.enum instead)", () => {
    const run = runRoster([basePerson({ category: "群众", fullDate: null })]);
    expect(run.of("roster.category.mismatch")).toEqual([]);
    expect(run.of("cell.enum").map((i) => i.cell)).toEqual(["J3"]);
  });
});

describe("roster.dues.rate", () => {
  const dues = (base: CellValue, paid: CellValue, employment: CellValue = "在职") =>
    basePerson({ duesBase: base, dues: paid, employment });

  test.each<[string, number, number]>([
    // 在职: ≤3000 0.5%, ≤5000 1%, ≤10000 1.5%, >10000 2% (flat on the whole base).
    ["在职", 3000, 15],
    ["在职", 3000.01, 30],
    ["在职", 5000, 50],
    ["在职", 5000.01, 75],
    ["在职", 10000, 150],
    ["在职", 10000.01, 200],
    ["在职", 12000, 240],
    ["在职", 3333, 33.33],
    ["在职", 2999, 15], // 14.995 → 15.00 half-up
    ["在职", 1000, 5],
    ["在职", 7777, 116.66], // 116.655 → 116.66 half-up
    ["离退休", 5000, 25],
    ["离退休", 5001, 50.01],
    ["离退休", 3000, 15],
    ["离退休", 12000, 120],
    ["学生", 8000, 0.2],
    ["其他", 8000, 0.2],
  ])("%s base %d → standard %d: paying it is fine, 0.01 off is a warning on 月缴党费", (employment, base, standard) => {
    expectNone(dues(base, standard, employment), "roster.dues.rate");
    const issue = expectOne(
      dues(base, Math.round((standard - 0.01) * 100) / 100, employment),
      "roster.dues.rate",
      "warning",
      "S3",
      "dues",
    );
    expect(issue.params["expected"]).toBeCloseTo(standard, 6);
    expectOne(
      dues(base, Math.round((standard + 0.01) * 100) / 100, employment),
      "roster.dues.rate",
      "warning",
      "S3",
      "dues",
    );
  });

  test("rounding is half-up: 2999 在职 → 15.00, so 14.99 is off", () => {
    expectOne(dues(2999, 14.99), "roster.dues.rate", "warning", "S3", "dues");
  });

  test("the previous rate on a base just above a boundary is off", () => {
    expectOne(dues(3000.01, 15), "roster.dues.rate", "warning", "S3", "dues");
    expectOne(dues(5000.01, 50), "roster.dues.rate", "warning", "S3", "dues");
    expectOne(dues(10000.01, 150), "roster.dues.rate", "warning", "S3", "dues");
    expectOne(dues(5001, 25.01, "离退休"), "roster.dues.rate", "warning", "S3", "dues");
  });

  test("tolerance 0.005: 45.004 passes, 45.006 is off", () => {
    expectNone(dues(4500, 45.004), "roster.dues.rate");
    expectOne(dues(4500, 45.006), "roster.dues.rate", "warning", "S3", "dues");
  });

  test("empty 在职状态 means 在职", () => {
    expectNone(dues(6000, 90, null), "roster.dues.rate");
    expectOne(dues(6000, 60, null), "roster.dues.rate", "warning", "S3", "dues");
  });

  test("no base → ¥0.20", () => {
    expectNone(dues(null, 0.2), "roster.dues.rate");
    expectOne(dues(null, 45), "roster.dues.rate", "warning", "S3", "dues");
  });

  test("numbers typed as text are read (¥, 元, commas, full-width)", () => {
    expectNone(dues("4,500", "45.00"), "roster.dues.rate");
    expectNone(dues("４５００", "45元"), "roster.dues.rate");
  });

  test("unreadable base → no dues.rate (cell.type instead)", () => {
    const run = runRoster([dues("abc", 99)]);
    expect(run.of("roster.dues.rate")).toEqual([]);
    expect(run.of("cell.type").map((i) => i.cell)).toEqual(["R3"]);
  });

  // Only an empty 在职状态 means 在职; an unreadable one gets cell.enum and no dues check.
  test("unreadable 在职状态 → no dues.rate (cell.enum instead)", () => {
    const run = runRoster([dues(6000, 60, "退休人员")]);
    expect(run.of("cell.enum").map((i) => i.cell)).toEqual(["K3"]);
    expect(run.of("roster.dues.rate")).toEqual([]);
  });

  test("not checked for 发展对象/入党积极分子/入党申请人", () => {
    for (const category of ["发展对象", "入党积极分子", "入党申请人"]) {
      const run = runRoster([basePerson({ category, admissionDate: null, fullDate: null, dues: 99 })]);
      expect({ category, rate: run.of("roster.dues.rate") }).toEqual({
        category,
        rate: [],
      });
    }
  });

  test("checked for 预备党员", () => {
    expectOne(probationer(date(2026, 3, 1), { dues: 44 }), "roster.dues.rate", "warning", "S3", "dues");
  });
});

describe("roster.dues.missing", () => {
  test("正式党员 with empty dues → warning on 月缴党费", () => {
    expectOne(basePerson({ dues: null }), "roster.dues.missing", "warning", "S3", "dues");
  });

  test("预备党员 with whitespace-only dues → warning", () => {
    expectOne(probationer(date(2026, 3, 1), { dues: "  " }), "roster.dues.missing", "warning", "S3", "dues");
  });

  test("non-members with empty dues are fine", () => {
    expectNone(
      basePerson({
        category: "发展对象",
        admissionDate: null,
        fullDate: null,
        dues: null,
      }),
      "roster.dues.missing",
    );
  });

  test("unreadable dues is not missing (cell.type instead)", () => {
    const run = runRoster([basePerson({ dues: "四十五" })]);
    expect(run.of("roster.dues.missing")).toEqual([]);
    expect(run.of("cell.type").map((i) => i.cell)).toEqual(["S3"]);
  });
});

describe("roster.dues.nonmember", () => {
  test.each(["发展对象", "入党积极分子", "入党申请人"])("%s with dues → warning on 月缴党费", (category) => {
    expectOne(
      basePerson({ category, admissionDate: null, fullDate: null, dues: 10 }),
      "roster.dues.nonmember",
      "warning",
      "S3",
      "dues",
    );
  });

  test("non-member without dues is fine; members with dues are fine", () => {
    expectNone(
      basePerson({
        category: "发展对象",
        admissionDate: null,
        fullDate: null,
        dues: null,
      }),
      "roster.dues.nonmember",
    );
    expectNone(basePerson(), "roster.dues.nonmember");
  });
});

describe("roster.phone.format", () => {
  test.each([
    "13812345678",
    "19912345678",
    "138-1234-5678",
    "138 1234 5678",
    "010-12345678",
    "0571-8888888",
    "0571-88888888",
    "(021)12345678",
    "（021）12345678",
    "02112345678",
    "１３８１２３４５６７８",
  ])("%s is valid", (phone) => {
    expectNone(basePerson({ phone }), "roster.phone.format");
  });

  test("a mobile stored as a number is valid", () => {
    expectNone(basePerson({ phone: 13812345678 }), "roster.phone.format");
  });

  test.each([
    "1381234567",
    "138123456789",
    "12812345678",
    "23812345678",
    "010-123456",
    "0571-888888888",
    "12345",
    "无",
    "138-1234-567",
  ])("%s → warning on 联系电话", (phone) => {
    const issue = expectOne(basePerson({ phone }), "roster.phone.format", "warning", "Q3", "phone");
    expect(issue.params["value"]).toBe(phone);
  });

  test("empty phone is fine", () => {
    expectNone(basePerson({ phone: null }), "roster.phone.format");
  });
});

describe("cross-cutting", () => {
  test("issues of several rows are reported on their own rows, in sheet order", () => {
    const run = runRoster([
      basePerson(),
      basePerson({ idNumber: makeId("19850615", "133"), gender: "女" }),
      null,
      basePerson({ idNumber: makeId("19850615", "143"), phone: "123" }),
    ]);
    expect(run.issues.map((i) => [i.rule, i.cell])).toEqual([
      ["roster.gender.mismatch", "C4"],
      ["roster.phone.format", "Q6"],
    ]);
  });

  test("a sheet without the dues columns does not produce dues issues", () => {
    const fields = ["name", "gender", "idNumber", "category", "admissionDate", "fullDate"];
    const run = runRoster([basePerson()], { fields });
    expect(run.issues).toEqual([]);
  });

  test("columns in another order: issues point at the columns where the fields are", () => {
    const fields = ["category", "dues", "idNumber", "name", "gender", "duesBase", "fullDate", "admissionDate"];
    const run = runRoster([basePerson({ gender: "女", dues: 1 })], { fields });
    expect(run.issues.map((i) => [i.rule, i.cell])).toEqual([
      ["roster.dues.rate", "B3"],
      ["roster.gender.mismatch", "E3"],
    ]);
  });
});
