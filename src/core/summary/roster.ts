import type { CellDate } from "../types";
import type { Lang } from "../messages/types";
import type { SheetContext } from "../rules/types";
import { type Counts, type Summarizer, bump, rate } from "./types";
import { addYears, ageOn, compareDates, formatDate } from "../dates";
import { COLLEGE_OR_ABOVE } from "../templates/roster";
import { birthOf, employmentOf, isMember } from "../rules/roster/shared";
import { probationDue } from "../rules/roster/probation-due";
import { probationOverdue } from "../rules/roster/probation-overdue";
import type { DataRow } from "../rows";
import type { Reporter } from "../rules/types";
import { type YearFigures, addYearRow, emptyYearFigures, finishYearFigures } from "./roster-year";

export const AGE_BANDS = ["<=30", "31-35", "36-40", "41-45", "46-50", "51-55", "56-60", ">=61"] as const;

export const NO_GROUP = "（未分组）";

/** The printed name of an age band key: "<=30" → 30岁及以下, "31-35" → 31-35岁, ">=61" → 61岁及以上. */
export function ageBandLabel(band: string): string {
  if (band.startsWith("<=")) return `${band.slice(2)}岁及以下`;
  if (band.startsWith(">=")) return `${band.slice(2)}岁及以上`;
  return /^\d+-\d+$/.test(band) ? `${band}岁` : band;
}

/** ageBandLabel in `lang`: "<=30" → 30 and under, "31-35" → 31–35, ">=61" → 61 and over in English. */
export function ageBandText(band: string, lang: Lang): string {
  if (lang === "zh-CN") return ageBandLabel(band);
  if (band.startsWith("<=")) return `${band.slice(2)} and under`;
  if (band.startsWith(">=")) return `${band.slice(2)} and over`;
  return band.replace("-", "–");
}

export function ageBand(age: number): string {
  if (age <= 30) return "<=30";
  if (age >= 61) return ">=61";
  const lower = Math.floor((age - 31) / 5) * 5 + 31;
  return `${lower}-${lower + 4}`;
}

export interface ProbationTodo {
  readonly sheet: string;
  readonly row: number;
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly admissionDate: string;
  readonly due: string;
  readonly status: "overdue" | "due";
}

export interface RosterSummary extends YearFigures {
  members: number;
  byCategory: Counts;
  byGender: Counts;
  women: number;
  womenRate: number;
  minorities: number;
  minorityRate: number;
  collegeOrAbove: number;
  collegeRate: number;
  byEducation: Counts;
  ageBands: Counts;
  byGroup: Counts;
  byEmployment: Counts;
  duesMonthlyTotal: number;
  probationTodo: ProbationTodo[];
}

/** Whether a probation rule would report this row (the summary's to-do list reuses the rules themselves). */
function fires(rule: typeof probationDue, row: DataRow, ctx: SheetContext): boolean {
  let hit = false;
  const mark: Reporter = { cell: () => (hit = true), header: () => undefined, sheet: () => undefined };
  rule.check(row, ctx, mark);
  return hit;
}

export const rosterSummarizer: Summarizer<RosterSummary> = {
  template: "roster",
  summarize(contexts, asOf: CellDate) {
    const s: RosterSummary = {
      members: 0,
      byCategory: {},
      byGender: {},
      women: 0,
      womenRate: 0,
      minorities: 0,
      minorityRate: 0,
      collegeOrAbove: 0,
      collegeRate: 0,
      byEducation: {},
      ageBands: {},
      byGroup: {},
      byEmployment: {},
      duesMonthlyTotal: 0,
      probationTodo: [],
      ...emptyYearFigures(),
    };
    let duesCents = 0;
    for (const ctx of contexts) {
      for (const row of ctx.rows) {
        const category = row.text("category");
        if (category) bump(s.byCategory, category);
        for (const [rule, status] of [
          [probationOverdue, "overdue"],
          [probationDue, "due"],
        ] as const) {
          const admitted = row.date("admissionDate");
          if (admitted && fires(rule, row, ctx)) {
            s.probationTodo.push({
              sheet: ctx.sheet,
              row: row.row,
              name: row.text("name") ?? "",
              idNumber: row.text("idNumber") ?? "",
              phone: row.text("phone") ?? "",
              admissionDate: formatDate(admitted),
              due: formatDate(addYears(admitted, 1)),
              status,
            });
          }
        }
        addYearRow(s, row, ctx.sheet, asOf);
        if (!isMember(row)) continue;
        s.members++;
        const gender = row.text("gender");
        if (gender) bump(s.byGender, gender);
        if (gender === "女") s.women++;
        const ethnicity = row.text("ethnicity");
        if (ethnicity && ethnicity !== "汉族") s.minorities++;
        const education = row.text("education");
        if (education) {
          bump(s.byEducation, education);
          if (COLLEGE_OR_ABOVE.includes(education)) s.collegeOrAbove++;
        }
        const birth = birthOf(row);
        if (birth && compareDates(birth, asOf) <= 0) bump(s.ageBands, ageBand(ageOn(birth, asOf)));
        bump(s.byGroup, row.text("group") ?? NO_GROUP);
        bump(s.byEmployment, employmentOf(row));
        const dues = row.num("dues");
        if (dues !== null) duesCents += Math.round(dues * 100);
      }
    }
    s.womenRate = rate(s.women, s.members);
    s.minorityRate = rate(s.minorities, s.members);
    s.collegeRate = rate(s.collegeOrAbove, s.members);
    s.duesMonthlyTotal = duesCents / 100;
    finishYearFigures(s, s.members, asOf);
    s.probationTodo.sort((a, b) => a.due.localeCompare(b.due));
    return s;
  },
};
