import type { Lang } from "../messages/types";
import type { RosterSummary } from "./roster";
import { AGE_BANDS, ageBandText } from "./roster";
import { type SummaryTable, countRows, locationText, personText } from "./table";
import { CATEGORY, EDUCATION_LEVELS, EMPLOYMENT } from "../templates/roster";
import { PARTY_AGE_BANDS } from "./roster-year";
import { termText } from "../messages/vocab";

type Step = keyof RosterSummary["developmentThisYear"];

const LABELS = {
  "zh-CN": {
    steps: {
      applications: "递交入党申请书",
      activists: "确定为入党积极分子",
      candidates: "确定为发展对象",
      admissions: "接收为预备党员",
      fullMemberships: "预备党员转正",
    } satisfies Record<Step, string>,
    status: { overdue: "已到期未转正", due: "30天内到期" } as Record<string, string>,
    basic: "基本情况",
    item: "项目",
    people: "人数",
    ofMembers: "占党员比例",
    share: "比例",
    members: "党员总数（正式+预备）",
    women: "女党员",
    minorities: "少数民族党员",
    college: "大专及以上学历",
    dues: "月缴党费合计（元）",
    byCategory: "按人员类别（全部人员）",
    category: "人员类别",
    byGender: "按性别",
    gender: "性别",
    byEducation: "按学历",
    education: "学历",
    byAge: "按年龄段",
    age: "年龄段",
    byGroup: "按党小组",
    group: "党小组",
    byEmployment: "按在职状态",
    employment: "在职状态",
    probation: "预备党员转正提醒",
    probationColumns: ["姓名", "身份证号", "联系电话", "入党日期", "预备期满", "状态"],
    development: "本年度发展党员情况",
    developmentColumns: ["环节", "人数", "姓名"],
    byPartyAge: "按党龄（年）",
    partyAge: "党龄",
    youngOld: "青年党员和老党员",
    youngOldColumns: ["项目", "人数", "占党员比例", "姓名"],
    upTo35: "35岁及以下党员",
    fiftyYears: "党龄50年及以上（光荣在党50年）",
    birthdays: "政治生日（本月和下月入党的党员）",
    birthdayColumns: ["姓名", "入党日期", "党龄（年）"],
    names: "、",
  },
  en: {
    steps: {
      applications: "Applications for membership",
      activists: "Named activists",
      candidates: "Named candidates for membership",
      admissions: "Admitted as probationary members",
      fullMemberships: "Probationary members made full members",
    } satisfies Record<Step, string>,
    status: { overdue: "Overdue, not yet full member", due: "Due within 30 days" } as Record<string, string>,
    basic: "Overview",
    item: "Item",
    people: "People",
    ofMembers: "Share of members",
    share: "Share",
    members: "Members (full + probationary)",
    women: "Women members",
    minorities: "Ethnic minority members",
    college: "College education or above",
    dues: "Monthly dues in all (yuan)",
    byCategory: "By category (everyone)",
    category: "Category",
    byGender: "By gender",
    gender: "Gender",
    byEducation: "By education",
    education: "Education",
    byAge: "By age",
    age: "Age",
    byGroup: "By party group",
    group: "Party group",
    byEmployment: "By employment",
    employment: "Employment",
    probation: "Probationary members due for full membership",
    probationColumns: ["Name", "ID number", "Phone", "Admission date", "Probation ends", "Status"],
    development: "Members developed this year",
    developmentColumns: ["Step", "People", "Names"],
    byPartyAge: "By years of membership",
    partyAge: "Years of membership",
    youngOld: "Young and long-standing members",
    youngOldColumns: ["Item", "People", "Share of members", "Names"],
    upTo35: "Members aged 35 and under",
    fiftyYears: "50 or more years of membership",
    birthdays: "Political birthdays (admitted this month or next)",
    birthdayColumns: ["Name", "Admission date", "Years"],
    names: ", ",
  },
} as const;

/** The five steps of 发展党员 in their order, with their Chinese labels (the district tables of `aggregate`). */
export const STEP_LABELS: ReadonlyArray<readonly [Step, string]> = (Object.keys(LABELS["zh-CN"].steps) as Step[]).map(
  (key) => [key, LABELS["zh-CN"].steps[key]] as const,
);

const STEPS: readonly Step[] = ["applications", "activists", "candidates", "admissions", "fullMemberships"];

export function rosterTables(s: RosterSummary, lang: Lang = "zh-CN"): SummaryTable[] {
  const L = LABELS[lang];
  const pct = [2];
  const term = (k: string) => termText(k, lang, true);
  const names = (list: readonly string[]) => list.map((n) => personText(n, lang)).join(L.names);
  return [
    {
      title: L.basic,
      columns: [L.item, L.people, L.ofMembers],
      rows: [
        [L.members, s.members, 1],
        [L.women, s.women, s.womenRate],
        [L.minorities, s.minorities, s.minorityRate],
        [L.college, s.collegeOrAbove, s.collegeRate],
        [L.dues, s.duesMonthlyTotal, ""],
      ],
      percentColumns: pct,
      moneyRows: [4],
    },
    {
      title: L.byCategory,
      columns: [L.category, L.people],
      rows: countRows(s.byCategory, Object.values(CATEGORY), undefined, term),
    },
    {
      title: L.byGender,
      columns: [L.gender, L.people, L.share],
      rows: countRows(s.byGender, ["男", "女"], s.members, term),
      percentColumns: pct,
    },
    {
      title: L.byEducation,
      columns: [L.education, L.people, L.share],
      rows: countRows(s.byEducation, EDUCATION_LEVELS, s.members, term),
      percentColumns: pct,
    },
    {
      title: L.byAge,
      columns: [L.age, L.people, L.share],
      rows: countRows(s.ageBands, AGE_BANDS, s.members, (band) => ageBandText(band, lang)),
      percentColumns: pct,
    },
    {
      title: L.byGroup,
      columns: [L.group, L.people, L.share],
      rows: countRows(s.byGroup, [], s.members, term),
      percentColumns: pct,
    },
    {
      title: L.byEmployment,
      columns: [L.employment, L.people, L.share],
      rows: countRows(s.byEmployment, EMPLOYMENT, s.members, term),
      percentColumns: pct,
    },
    {
      title: L.probation,
      columns: L.probationColumns,
      rows: s.probationTodo.map((t) => [
        t.name,
        t.idNumber,
        t.phone,
        t.admissionDate,
        t.due,
        L.status[t.status] ?? t.status,
      ]),
      rowNotes: s.probationTodo.map((t) => locationText(t.sheet, t.row, lang)),
    },
    {
      title: L.development,
      columns: L.developmentColumns,
      rows: STEPS.map((key) => [
        L.steps[key],
        s.developmentThisYear[key].count,
        names(s.developmentThisYear[key].names),
      ]),
    },
    {
      title: L.byPartyAge,
      columns: [L.partyAge, L.people, L.share],
      rows: countRows(s.partyAgeBands, PARTY_AGE_BANDS, s.members),
      percentColumns: pct,
    },
    {
      title: L.youngOld,
      columns: L.youngOldColumns,
      rows: [
        [L.upTo35, s.upTo35.count, s.upTo35.rate, ""],
        [
          L.fiftyYears,
          s.fiftyYears.count,
          s.members === 0 ? 0 : s.fiftyYears.count / s.members,
          names(s.fiftyYears.names),
        ],
      ],
      percentColumns: pct,
    },
    {
      title: L.birthdays,
      columns: L.birthdayColumns,
      rows: s.politicalBirthdays.map((b) => [personText(b.name, lang), b.date, b.years]),
    },
  ];
}
