/**
 * The ready paragraph for the 年度工作总结, in the style secretaries write it: every number is taken from the
 * summary figures (`summarize --format json`), so the paragraph and the JSON cannot disagree.
 */
import type { CellDate } from "../types";
import type { Lang } from "../messages/types";
import { MONTHS_EN } from "../messages/period-en";
import type { RosterSummary } from "./roster";
import type { ScheduleSummary } from "./schedule";
import { CATEGORY } from "../templates/roster";
import { SCHEDULE_TYPE } from "../templates/schedule";

export interface YearParagraphInput {
  readonly roster?: RosterSummary;
  readonly schedule?: ScheduleSummary;
}

/** The meetings the paragraph names, with the words it uses for them. */
const MEETINGS: ReadonlyArray<readonly [string, string]> = [
  [SCHEDULE_TYPE.general, "支部党员大会"],
  [SCHEDULE_TYPE.committee, "支委会"],
  [SCHEDULE_TYPE.group, "党小组会"],
  [SCHEDULE_TYPE.lecture, "党课"],
];

function dateText(d: CellDate): string {
  return d.d === 0 ? `${d.y}年${d.m}月` : `${d.y}年${d.m}月${d.d}日`;
}

/** The schedule whose meetings the paragraph reports: none when its plan year begins after the as-of date. */
function plannedUpTo(s: ScheduleSummary | undefined, asOf: CellDate): ScheduleSummary | undefined {
  return s && s.year <= asOf.y ? s : undefined;
}

/**
 * `截至2026年11月21日，第一党支部现有党员27名（正式党员25名、预备党员2名）…`; null without a roster. The
 * meeting sentence (已完成 events of the plan year) is there when the workbook has a schedule. In English the
 * same figures in an English paragraph.
 */
export function yearParagraph(
  figures: YearParagraphInput,
  asOf: CellDate,
  branchName: string,
  lang: Lang = "zh-CN",
): string | null {
  const r = figures.roster;
  if (!r) return null;
  if (lang === "en") return yearParagraphEn(r, plannedUpTo(figures.schedule, asOf), asOf, branchName);
  const branch = branchName.trim() || "支部";
  const dev = r.developmentThisYear;
  const parts = [
    `截至${dateText(asOf)}，${branch}现有党员${r.members}名（正式党员${r.byCategory[CATEGORY.full] ?? 0}名、` +
      `预备党员${r.byCategory[CATEGORY.probationary] ?? 0}名），其中女党员${r.women}名、少数民族党员${r.minorities}名、` +
      `大专及以上学历${r.collegeOrAbove}名。`,
    `${asOf.y}年收到入党申请${dev.applications.count}份，发展入党积极分子${dev.activists.count}名，` +
      `确定发展对象${dev.candidates.count}名，接收预备党员${dev.admissions.count}名，预备党员转正${dev.fullMemberships.count}名。`,
  ];
  const s = plannedUpTo(figures.schedule, asOf);
  if (s) {
    const held = MEETINGS.map(([type, words]) => `${words}${s.heldByType[type] ?? 0}次`).join("、");
    parts.push(`${s.year}年召开${held}。`);
  }
  return parts.join("");
}

/** The meetings the English paragraph names. */
const MEETINGS_EN: ReadonlyArray<readonly [string, string, string]> = [
  [SCHEDULE_TYPE.general, "general meeting of members", "general meetings of members"],
  [SCHEDULE_TYPE.committee, "branch committee meeting", "branch committee meetings"],
  [SCHEDULE_TYPE.group, "party group meeting", "party group meetings"],
  [SCHEDULE_TYPE.lecture, "party lecture", "party lectures"],
];

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `a, b and c` */
function listEn(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function yearParagraphEn(r: RosterSummary, s: ScheduleSummary | undefined, asOf: CellDate, branchName: string): string {
  const month = MONTHS_EN[asOf.m - 1] ?? String(asOf.m);
  const date = asOf.d === 0 ? `${month} ${asOf.y}` : `${asOf.d} ${month} ${asOf.y}`;
  const branch = branchName.trim() || "the branch";
  const dev = r.developmentThisYear;
  const full = r.byCategory[CATEGORY.full] ?? 0;
  const probationary = r.byCategory[CATEGORY.probationary] ?? 0;
  const parts = [
    `As of ${date}, ${branch} has ${count(r.members, "member", "members")} (${full} full and ${probationary} probationary), ` +
      `including ${count(r.women, "woman", "women")}, ${r.minorities} from ethnic minorities and ` +
      `${r.collegeOrAbove} with a college education or above.`,
    `In ${asOf.y} it received ${count(dev.applications.count, "application", "applications")} for membership, ` +
      `named ${count(dev.activists.count, "activist", "activists")} and ` +
      `${count(dev.candidates.count, "candidate", "candidates")} for membership, admitted ` +
      `${count(dev.admissions.count, "probationary member", "probationary members")} and made ` +
      `${count(dev.fullMemberships.count, "probationary member", "probationary members")} full ${dev.fullMemberships.count === 1 ? "member" : "members"}.`,
  ];
  if (s) {
    const held = MEETINGS_EN.map(([type, one, many]) => count(s.heldByType[type] ?? 0, one, many));
    parts.push(`In ${s.year} it held ${listEn(held)}.`);
  }
  return parts.join(" ");
}
