import type { RosterSummary } from "./roster";
import { AGE_BANDS, ageBandLabel } from "./roster";
import { type SummaryTable, countRows, locationNote } from "./table";
import { CATEGORY, EDUCATION_LEVELS, EMPLOYMENT } from "../templates/roster";
import { PARTY_AGE_BANDS } from "./roster-year";

export const STEP_LABELS: ReadonlyArray<readonly [keyof RosterSummary["developmentThisYear"], string]> = [
  ["applications", "递交入党申请书"],
  ["activists", "确定为入党积极分子"],
  ["candidates", "确定为发展对象"],
  ["admissions", "接收为预备党员"],
  ["fullMemberships", "预备党员转正"],
];

const STATUS: Record<string, string> = { overdue: "已到期未转正", due: "30天内到期" };

export function rosterTables(s: RosterSummary): SummaryTable[] {
  const pct = [2];
  return [
    {
      title: "基本情况",
      columns: ["项目", "人数", "占党员比例"],
      rows: [
        ["党员总数（正式+预备）", s.members, 1],
        ["女党员", s.women, s.womenRate],
        ["少数民族党员", s.minorities, s.minorityRate],
        ["大专及以上学历", s.collegeOrAbove, s.collegeRate],
        ["月缴党费合计（元）", s.duesMonthlyTotal, ""],
      ],
      percentColumns: pct,
      moneyRows: [4],
    },
    {
      title: "按人员类别（全部人员）",
      columns: ["人员类别", "人数"],
      rows: countRows(s.byCategory, Object.values(CATEGORY)),
    },
    {
      title: "按性别",
      columns: ["性别", "人数", "比例"],
      rows: countRows(s.byGender, ["男", "女"], s.members),
      percentColumns: pct,
    },
    {
      title: "按学历",
      columns: ["学历", "人数", "比例"],
      rows: countRows(s.byEducation, EDUCATION_LEVELS, s.members),
      percentColumns: pct,
    },
    {
      title: "按年龄段",
      columns: ["年龄段", "人数", "比例"],
      rows: countRows(s.ageBands, AGE_BANDS, s.members, ageBandLabel),
      percentColumns: pct,
    },
    {
      title: "按党小组",
      columns: ["党小组", "人数", "比例"],
      rows: countRows(s.byGroup, [], s.members),
      percentColumns: pct,
    },
    {
      title: "按在职状态",
      columns: ["在职状态", "人数", "比例"],
      rows: countRows(s.byEmployment, EMPLOYMENT, s.members),
      percentColumns: pct,
    },
    {
      title: "预备党员转正提醒",
      columns: ["姓名", "身份证号", "联系电话", "入党日期", "预备期满", "状态"],
      rows: s.probationTodo.map((t) => [
        t.name,
        t.idNumber,
        t.phone,
        t.admissionDate,
        t.due,
        STATUS[t.status] ?? t.status,
      ]),
      rowNotes: s.probationTodo.map((t) => locationNote(t.sheet, t.row)),
    },
    {
      title: "本年度发展党员情况",
      columns: ["环节", "人数", "姓名"],
      rows: STEP_LABELS.map(([key, label]) => [label, s.developmentThisYear[key].count, s.developmentThisYear[key].names.join("、")]),
    },
    { title: "按党龄（年）", columns: ["党龄", "人数", "比例"], rows: countRows(s.partyAgeBands, PARTY_AGE_BANDS, s.members), percentColumns: pct },
    {
      title: "青年党员和老党员",
      columns: ["项目", "人数", "占党员比例", "姓名"],
      rows: [
        ["35岁及以下党员", s.upTo35.count, s.upTo35.rate, ""],
        ["党龄50年及以上（光荣在党50年）", s.fiftyYears.count, s.members === 0 ? 0 : s.fiftyYears.count / s.members, s.fiftyYears.names.join("、")],
      ],
      percentColumns: pct,
    },
    {
      title: "政治生日（本月和下月入党的党员）",
      columns: ["姓名", "入党日期", "党龄（年）"],
      rows: s.politicalBirthdays.map((b) => [b.name, b.date, b.years]),
    },
  ];
}
