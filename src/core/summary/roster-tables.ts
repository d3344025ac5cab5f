import type { RosterSummary } from "./roster";
import { AGE_BANDS, ageBandLabel } from "./roster";
import { type SummaryTable, countRows, locationNote } from "./table";
import { CATEGORY, EDUCATION_LEVELS, EMPLOYMENT } from "../templates/roster";

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
  ];
}
