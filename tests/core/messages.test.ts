/**
 * Message catalogs (SPEC §8: Chinese and English catalogs with a parity test) and formatting of real issues.
 */
import type { Issue } from "../../src/core/types";
import { CATALOGS, formatIssue, type Lang } from "../../src/core/messages";
import { ALL_RULE_IDS } from "../../src/core/rules";
import { RULE_TITLES } from "../../src/core/messages/titles";
import {
  EXAMPLE_ID,
  ROSTER_FIELDS,
  badCheck,
  basePerson,
  date,
  makeId,
  probationer,
  rosterSheet,
  settingsSheet,
  validate,
  workbook,
  type RosterRow,
} from "../helpers/build";
import { SPEC_IDS } from "../helpers/spec-ids";

const LANGS: Lang[] = ["zh-CN", "en"];

describe("catalog parity", () => {
  test("ALL_RULE_IDS has no duplicates and covers every common and roster id of SPEC §3", () => {
    expect(new Set(ALL_RULE_IDS).size).toBe(ALL_RULE_IDS.length);
    expect([...ALL_RULE_IDS]).toEqual(expect.arrayContaining(SPEC_IDS));
  });

  test.each(LANGS)("%s has a message for every rule id and no extra ids", (lang) => {
    expect(Object.keys(CATALOGS[lang]).sort()).toEqual([...ALL_RULE_IDS].sort());
  });

  test.each(LANGS)("%s has a short title for every rule id and no extra ids", (lang) => {
    expect(Object.keys(RULE_TITLES[lang]).sort()).toEqual([...ALL_RULE_IDS].sort());
    for (const id of ALL_RULE_IDS) expect(RULE_TITLES[lang][id]?.length).toBeGreaterThan(1);
  });

  test("each catalog entry is a function", () => {
    for (const lang of LANGS)
      for (const id of ALL_RULE_IDS)
        expect({ lang, id, t: typeof CATALOGS[lang][id] }).toEqual({
          lang,
          id,
          t: "function",
        });
  });
});

let idSeq = 0;
/** A distinct valid male id per call. */
function freshId(birth = "19850615"): string {
  idSeq += 2;
  return makeId(birth, String(101 + idSeq).padStart(3, "0"));
}

/** Rows that between them raise every roster and common row rule. */
function messyRows(): RosterRow[] {
  const p = (over: RosterRow) => basePerson({ idNumber: freshId(), ...over });
  const dup = freshId();
  return [
    p({ name: null }),
    p({ name: " 张伟\u3000" }),
    p({ applicationDate: "2019-13-01" }),
    p({ ethnicity: "汉" }),
    p({ gender: "女性" }),
    p({ note: { kind: "error", code: "#REF!" } }),
    p({ dues: { kind: "formula", formula: "FOOBAR(R5)" } }),
    p({ idNumber: "123" }),
    p({
      idNumber: "110105491231002",
      gender: "女",
      birthDate: date(1949, 12, 31),
    }),
    p({ idNumber: 110105198506151230 }),
    p({ idNumber: badCheck(freshId()) }),
    p({ idNumber: makeId("19850231", "123"), birthDate: null }),
    p({ idNumber: makeId("20270101", "123"), birthDate: null }),
    p({ idNumber: dup }),
    p({ idNumber: dup }),
    p({ birthDate: "1985.10" }),
    p({ gender: "女" }),
    p({ fullDate: date(2027, 1, 1) }),
    p({ activistDate: date(2004, 1, 1) }),
    p({ applicationDate: date(2002, 1, 1) }),
    p({ candidateDate: date(2006, 2, 1) }),
    p({ fullDate: date(2008, 5, 31) }),
    p({ fullDate: date(2010, 6, 2) }),
    probationer(date(2024, 1, 1), { idNumber: freshId() }),
    probationer(date(2025, 12, 1), { idNumber: freshId() }),
    p({ fullDate: null }),
    p({ dues: 44 }),
    p({ dues: null }),
    p({ category: "发展对象", admissionDate: null, fullDate: null, dues: 20 }),
    p({ phone: "1234" }),
    p({
      duesBase: "abc",
      employment: "退休人员",
      education: "大学",
      category: "群众",
    }),
    { note: "只有备注" },
    p({ lost: "是" }),
    p({ mobileFlag: "否", destination: "广东省深圳市" }),
  ];
}

function messyIssues(): Issue[] {
  const main = rosterSheet(messyRows(), {
    fields: [...ROSTER_FIELDS, "mobile", "lost", "lostDate", "mobileFlag", "destination"],
    headers: {
      mobile: "手机",
      lost: "是否为失联党员",
      lostDate: "失去联系日期",
      mobileFlag: "是否为流动党员",
      destination: "外出流向",
    },
  }).sheet;
  const noCategory = rosterSheet([basePerson({ phone: "" })], {
    name: "缺列",
    fields: ROSTER_FIELDS.filter((k) => k !== "category"),
  }).sheet;
  const settings = settingsSheet([
    ["支部名称", "第一党支部"],
    ["统计截止日期", "2026-02-30"],
    ["到会率预警线", "很高"],
    ["年度", "明年"],
    ["加分上限", -1],
  ]);
  return [...validate(workbook(main, noCategory, settings)).issues];
}

describe("messages of a messy workbook", () => {
  const issues = messyIssues();

  test("the messy workbook raises every rule id of SPEC §3 (common + roster)", () => {
    const seen = new Set(issues.map((i) => i.rule));
    expect(SPEC_IDS.filter((id) => !seen.has(id))).toEqual([]);
  });

  test.each(LANGS)("every issue formats to a clean non-empty %s message", (lang) => {
    for (const issue of issues) {
      const text = formatIssue(issue, lang);
      const where = `${issue.rule} ${issue.cell ?? ""}`;
      expect({
        where,
        ok: typeof text === "string" && text.trim().length > 0,
      }).toEqual({ where, ok: true });
      expect({ where, text }).not.toEqual({
        where,
        text: expect.stringMatching(/undefined|null|\[object|NaN/),
      });
      expect({ where, text }).not.toEqual({
        where,
        text: expect.stringMatching(/「」|""|“”/),
      });
      expect({ where, same: text === issue.rule }).toEqual({
        where,
        same: false,
      });
    }
  });

  test("Chinese is the default language and differs from English", () => {
    for (const issue of issues) {
      expect(formatIssue(issue)).toBe(formatIssue(issue, "zh-CN"));
      expect(formatIssue(issue, "zh-CN")).toMatch(/[\u4e00-\u9fff]/);
      expect(formatIssue(issue, "en")).not.toBe(formatIssue(issue, "zh-CN"));
    }
  });

  test("messages carry the facts the user needs", () => {
    const one = (rule: string, pred: (i: Issue) => boolean = () => true) => {
      const i = issues.find((x) => x.rule === rule && pred(x));
      if (!i) throw new Error(`no ${rule}`);
      return i;
    };
    const checksum = one("roster.id.checksum");
    for (const lang of LANGS) expect(formatIssue(checksum, lang)).toContain(String(checksum.params["expected"]));
    for (const lang of LANGS) expect(formatIssue(one("roster.id.legacy"), lang)).toContain(EXAMPLE_ID);
    // English names the template's own values in English (the user's value stays as typed).
    const ethnicity = one("cell.enum", (i) => i.field === "ethnicity");
    expect(formatIssue(ethnicity, "zh-CN")).toContain("汉族");
    expect(formatIssue(ethnicity, "en")).toContain('did you mean "Han"?');
    for (const lang of LANGS)
      expect(
        formatIssue(
          one("roster.dues.rate", (i) => i.params["dues"] === 44),
          lang,
        ),
      ).toContain("45");
    expect(formatIssue(one("header.missing"), "zh-CN")).toContain("人员类别");
    expect(formatIssue(one("header.missing"), "en")).toContain('"Category"');
    for (const lang of LANGS) expect(formatIssue(one("cell.required"), lang)).toContain("姓名");
    for (const lang of LANGS) expect(formatIssue(one("cell.formula-error"), lang)).toContain("#REF!");
    for (const lang of LANGS) expect(formatIssue(one("cell.uncalculated"), lang)).toMatch(/月缴党费.*1.*Excel/);
    expect(formatIssue(one("settings.value"), "zh-CN")).toContain("统计截止日期");
    expect(formatIssue(one("settings.value"), "en")).toContain('Setting "As-of date"');
  });
});
