/**
 * The 年度工作总结 paragraph of a workbook whose schedule is next year's plan (as the templates' sample rows make it
 * late in a year): no meeting can have been held in a year that has not begun, so the paragraph names no meetings
 * rather than "2027年召开…0次" under a 2026 date.
 */
import type { RosterSummary } from "../../src/core/summary/roster";
import type { ScheduleSummary } from "../../src/core/summary/schedule";
import { summarizeContexts } from "../../src/core/summary";
import { yearParagraph } from "../../src/core/summary/year-paragraph";
import { AS_OF, basePerson, rosterSheet, validate, workbook } from "../helpers/build";
import { cleanYear, scheduleSheet } from "../helpers/build-schedule";

function figures(planYear: number) {
  const sheets = [rosterSheet([basePerson()]).sheet, scheduleSheet(cleanYear(planYear)).sheet];
  const result = validate(workbook(...sheets), { asOf: AS_OF });
  return summarizeContexts(result.contexts, result.asOf) as { roster: RosterSummary; schedule?: ScheduleSummary };
}

describe("the year paragraph and the schedule's plan year", () => {
  test("a plan for the year after the as-of date gives no meeting sentence, in Chinese or English", () => {
    const f = figures(2027);
    expect(f.schedule?.year).toBe(2027);
    const zh = yearParagraph(f, AS_OF, "第一党支部")!;
    expect(zh).toMatch(/^截至2026年11月21日，第一党支部现有党员1名/);
    expect(zh).not.toMatch(/召开/);
    const en = yearParagraph(f, AS_OF, "Branch One", "en")!;
    expect(en).toMatch(/^As of 21 November 2026, Branch One has 1 member/);
    expect(en).not.toMatch(/ held /);
  });

  test("a plan for the as-of year keeps it", () => {
    const f = figures(2026);
    expect(yearParagraph(f, AS_OF, "第一党支部")).toMatch(
      /2026年召开支部党员大会\d+次、支委会\d+次、党小组会\d+次、党课\d+次。$/,
    );
    expect(yearParagraph(f, AS_OF, "Branch One", "en")).toMatch(/ In 2026 it held .+\.$/);
  });
});
