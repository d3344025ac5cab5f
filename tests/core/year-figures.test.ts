/**
 * The year's figures of the roster summary (developmentThisYear, partyAgeBands, upTo35, fiftyYears,
 * politicalBirthdays) agree with the rows, and the 年度工作总结 paragraph's numbers are the JSON's.
 * As-of 2026-11-21 throughout.
 */
import type { CellDate } from "../../src/core/types";
import { summarizeContexts } from "../../src/core/summary";
import type { RosterSummary } from "../../src/core/summary/roster";
import type { ScheduleSummary } from "../../src/core/summary/schedule";
import { yearParagraph } from "../../src/core/summary/year-paragraph";
import { AS_OF, basePerson, date, makeId, rosterSheet, validate, workbook, type RosterRow } from "../helpers/build";
import { cleanYear, scheduleSheet } from "../helpers/build-schedule";

function person(name: string, birth: CellDate, over: RosterRow): RosterRow {
  const ymd = `${birth.y}${String(birth.m).padStart(2, "0")}${String(birth.d).padStart(2, "0")}`;
  return basePerson({ name, idNumber: makeId(ymd, "123"), birthDate: birth, ...over });
}

const none = { applicationDate: null, activistDate: null, candidateDate: null, admissionDate: null, fullDate: null };

/** Rows chosen so every figure has a known answer (worked out by hand below). */
const ROWS: RosterRow[] = [
  // 党龄 51 (>=50, 光荣在党50年), not a birthday month.
  person("老张", date(1950, 2, 1), {
    ...none,
    admissionDate: date(1975, 3, 1),
    fullDate: date(1976, 3, 1),
    employment: "离退休",
  }),
  // Exactly 50 years on as-of: >=50, birthday in November (50 years).
  person("老李", date(1952, 5, 5), {
    ...none,
    admissionDate: date(1976, 11, 21),
    fullDate: date(1977, 11, 21),
    gender: "女",
    ethnicity: "回族",
  }),
  // Admitted this year (预备党员), candidate last year; aged 30 (≤35); 党龄 0 (<5).
  person("小王", date(1996, 1, 10), {
    ...none,
    category: "预备党员",
    applicationDate: date(2023, 3, 1),
    activistDate: date(2023, 9, 1),
    candidateDate: date(2025, 3, 1),
    admissionDate: date(2026, 4, 1),
    dues: 45,
  }),
  // Full member this year, admitted 2025-05-01: 党龄 1 (<5); aged 35 (≤35).
  person("小赵", date(1991, 6, 1), {
    ...none,
    admissionDate: date(2025, 5, 1),
    fullDate: date(2026, 5, 1),
    gender: "女",
  }),
  // Admitted 2001-12-03: birthday next month (25 years), 党龄 24 (20-29); aged 36.
  person("钱老师", date(1990, 11, 1), { ...none, admissionDate: date(2001, 12, 3), fullDate: date(2002, 12, 3) }),
  // Admitted 2016-11-25: birthday this month, 党龄 9 (5-9, birthday not yet reached).
  person("孙老师", date(1985, 3, 3), { ...none, admissionDate: date(2016, 11, 25), fullDate: date(2017, 11, 25) }),
  // Activist this year, applied this year.
  person("周同学", date(2000, 8, 8), {
    ...none,
    category: "入党积极分子",
    applicationDate: date(2026, 1, 5),
    activistDate: date(2026, 6, 1),
    dues: null,
    duesBase: null,
  }),
  // Candidate this year (not a member: in no member figure).
  person("吴老师", date(1994, 4, 4), {
    ...none,
    category: "发展对象",
    applicationDate: date(2024, 2, 1),
    activistDate: date(2024, 9, 1),
    candidateDate: date(2026, 3, 1),
    dues: null,
    duesBase: null,
  }),
  // Applied last year: no figure of this year.
  person("郑同学", date(2001, 1, 1), {
    ...none,
    category: "入党申请人",
    applicationDate: date(2025, 12, 30),
    dues: null,
    duesBase: null,
  }),
];

function summarize(rows: RosterRow[], withSchedule = false, asOf: CellDate = AS_OF) {
  const sheets = [rosterSheet(rows).sheet, ...(withSchedule ? [scheduleSheet(cleanYear(2026)).sheet] : [])];
  const result = validate(workbook(...sheets), { asOf });
  return summarizeContexts(result.contexts, result.asOf) as { roster: RosterSummary; schedule?: ScheduleSummary };
}

describe("the year's figures agree with the rows", () => {
  const { roster: r } = summarize(ROWS);

  test("developmentThisYear: each step's count and names, from the dates in the as-of year", () => {
    expect(r.developmentThisYear).toEqual({
      applications: { count: 1, names: ["周同学"] },
      activists: { count: 1, names: ["周同学"] },
      candidates: { count: 1, names: ["吴老师"] },
      admissions: { count: 1, names: ["小王"] },
      fullMemberships: { count: 1, names: ["小赵"] },
    });
  });

  test("partyAgeBands counts members by whole years from 入党日期 to as-of, every band listed", () => {
    expect(r.members).toBe(6);
    expect(r.partyAgeBands).toEqual({ "<5": 2, "5-9": 1, "10-19": 0, "20-29": 1, "30-49": 0, ">=50": 2 });
    const total = Object.values(r.partyAgeBands).reduce((a, b) => a + b, 0);
    expect(total).toBe(r.members);
  });

  test("upTo35: members aged 35 or less (a 35-year-old counts, a 36-year-old does not)", () => {
    expect(r.upTo35).toEqual({ count: 2, rate: Math.round((2 / 6) * 10000) / 10000 });
  });

  test("fiftyYears: 党龄 ≥ 50, including one who reaches 50 on as-of", () => {
    expect(r.fiftyYears).toEqual({ count: 2, names: ["老张", "老李"] });
  });

  test("politicalBirthdays: 入党日期 in the as-of month or the next, this month first, with the 党龄 reached", () => {
    expect(r.politicalBirthdays).toEqual([
      { name: "老李", date: "1976-11-21", years: 50 },
      { name: "孙老师", date: "2016-11-25", years: 10 },
      { name: "钱老师", date: "2001-12-03", years: 25 },
    ]);
  });

  test("in December the next month is January of the next year", () => {
    const { roster } = summarize(ROWS, false, date(2026, 12, 10));
    expect(roster.politicalBirthdays.map((b) => [b.name, b.years])).toEqual([["钱老师", 25]]);
    const jan = summarize(
      [person("元旦", date(1980, 1, 1), { ...none, admissionDate: date(2000, 1, 5), fullDate: date(2001, 1, 5) })],
      false,
      date(2026, 12, 10),
    );
    expect(jan.roster.politicalBirthdays).toEqual([{ name: "元旦", date: "2000-01-05", years: 27 }]);
  });

  test("existing figures keep their keys", () => {
    for (const key of [
      "members",
      "byCategory",
      "byGender",
      "women",
      "minorities",
      "collegeOrAbove",
      "byEducation",
      "ageBands",
      "byGroup",
      "byEmployment",
      "duesMonthlyTotal",
    ])
      expect(r).toHaveProperty(key);
  });
});

/** The numbers of the paragraph, read back by the words around them. */
function numbersOf(paragraph: string): Record<string, number> {
  const grab = (re: RegExp) => {
    const m = re.exec(paragraph);
    if (!m) throw new Error(`not in the paragraph: ${re}`);
    return Number(m[1]);
  };
  return {
    members: grab(/现有党员(\d+)名/),
    full: grab(/正式党员(\d+)名/),
    probationary: grab(/预备党员(\d+)名）/),
    women: grab(/女党员(\d+)名/),
    minorities: grab(/少数民族党员(\d+)名/),
    college: grab(/大专及以上学历(\d+)名/),
    applications: grab(/收到入党申请(\d+)份/),
    activists: grab(/发展入党积极分子(\d+)名/),
    candidates: grab(/确定发展对象(\d+)名/),
    admissions: grab(/接收预备党员(\d+)名/),
    fullMemberships: grab(/预备党员转正(\d+)名/),
  };
}

describe("the 年度工作总结 paragraph", () => {
  test("every number in it is the JSON figure", () => {
    const s = summarize(ROWS, true);
    const p = yearParagraph(s, AS_OF, "第一党支部")!;
    expect(p.startsWith("截至2026年11月21日，第一党支部现有党员")).toBe(true);
    const r = s.roster;
    expect(numbersOf(p)).toEqual({
      members: r.members,
      full: r.byCategory["正式党员"],
      probationary: r.byCategory["预备党员"],
      women: r.women,
      minorities: r.minorities,
      college: r.collegeOrAbove,
      applications: r.developmentThisYear.applications.count,
      activists: r.developmentThisYear.activists.count,
      candidates: r.developmentThisYear.candidates.count,
      admissions: r.developmentThisYear.admissions.count,
      fullMemberships: r.developmentThisYear.fullMemberships.count,
    });
    const held = s.schedule!.heldByType;
    const meetings = /2026年召开支部党员大会(\d+)次、支委会(\d+)次、党小组会(\d+)次、党课(\d+)次。$/.exec(p);
    expect(meetings?.slice(1).map(Number)).toEqual([
      held["支部党员大会"],
      held["支部委员会"],
      held["党小组会"],
      held["党课"],
    ]);
    // The clean year holds, before 21 November: 3 general meetings, 11 committees, 11 group meetings, 3 lectures.
    expect(meetings?.slice(1).map(Number)).toEqual([3, 11, 11, 3]);
  });

  test("without a schedule there is no meeting sentence; without a name it says 支部; no roster, no paragraph", () => {
    const s = summarize(ROWS);
    const p = yearParagraph(s, AS_OF, "  ")!;
    expect(p).toMatch(
      /^截至2026年11月21日，支部现有党员6名（正式党员5名、预备党员1名），其中女党员2名、少数民族党员1名/,
    );
    expect(p).not.toMatch(/召开/);
    expect(yearParagraph({}, AS_OF, "第一党支部")).toBeNull();
  });
});
