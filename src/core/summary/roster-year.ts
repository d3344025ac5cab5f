/**
 * The figures a secretary writes into the 年度工作总结 every year (SPEC §0 "Summaries"): this year's development
 * steps with names, 党龄 bands, members aged 35 or less, 党龄 ≥ 50 (光荣在党50年) and the political birthdays of
 * this month and the next.
 */
import type { CellDate } from "../types";
import type { DataRow } from "../rows";
import { type Counts, bump, rate } from "./types";
import { ageOn, compareDates, formatDate } from "../dates";
import { birthOf, isMember } from "../rules/roster/shared";

export interface NamedCount {
  count: number;
  names: string[];
}

/** Rows whose 申请入党日期, 确定积极分子日期, 确定发展对象日期, 入党日期, 转正日期 fall in the as-of year. */
export interface DevelopmentThisYear {
  applications: NamedCount;
  activists: NamedCount;
  candidates: NamedCount;
  admissions: NamedCount;
  fullMemberships: NamedCount;
}

/** Development step → the roster field whose date marks it. */
export const DEVELOPMENT_STEPS: ReadonlyArray<readonly [keyof DevelopmentThisYear, string]> = [
  ["applications", "applicationDate"],
  ["activists", "activistDate"],
  ["candidates", "candidateDate"],
  ["admissions", "admissionDate"],
  ["fullMemberships", "fullDate"],
];

export const PARTY_AGE_BANDS = ["<5", "5-9", "10-19", "20-29", "30-49", ">=50"] as const;

export interface PoliticalBirthday {
  name: string;
  /** 入党日期, yyyy-mm-dd (yyyy-mm when only the month is known). */
  date: string;
  /** 党龄 reached on this year's birthday. */
  years: number;
}

export interface YearFigures {
  developmentThisYear: DevelopmentThisYear;
  /** Members by 党龄 (whole years from 入党日期 to as-of). */
  partyAgeBands: Counts;
  /** Members aged 35 or less at as-of; rate of all members. */
  upTo35: { count: number; rate: number };
  /** Members whose 党龄 is 50 years or more (光荣在党50年). */
  fiftyYears: NamedCount;
  /** Members whose 入党日期 falls in the as-of month or the next, in calendar order. */
  politicalBirthdays: PoliticalBirthday[];
}

export function partyAgeBand(years: number): string {
  if (years < 5) return "<5";
  if (years < 10) return "5-9";
  if (years < 20) return "10-19";
  if (years < 30) return "20-29";
  if (years < 50) return "30-49";
  return ">=50";
}

function named(): NamedCount {
  return { count: 0, names: [] };
}

function add(into: NamedCount, name: string): void {
  into.count++;
  into.names.push(name);
}

export function emptyYearFigures(): YearFigures {
  return {
    developmentThisYear: {
      applications: named(),
      activists: named(),
      candidates: named(),
      admissions: named(),
      fullMemberships: named(),
    },
    partyAgeBands: {},
    upTo35: { count: 0, rate: 0 },
    fiftyYears: named(),
    politicalBirthdays: [],
  };
}

/** The row's 姓名, or its place when the name is empty. */
function nameOf(row: DataRow, sheet: string): string {
  return row.text("name") ?? `${sheet}第${row.row}行`;
}

/** The month after `m` (December → January). */
function nextMonth(m: number): number {
  return (m % 12) + 1;
}

/** Adds one row (any category) to the figures. */
export function addYearRow(f: YearFigures, row: DataRow, sheet: string, asOf: CellDate): void {
  const name = nameOf(row, sheet);
  for (const [step, field] of DEVELOPMENT_STEPS) {
    const d = row.date(field);
    if (d && d.y === asOf.y) add(f.developmentThisYear[step], name);
  }
  if (!isMember(row)) return;
  const birth = birthOf(row);
  if (birth && compareDates(birth, asOf) <= 0 && ageOn(birth, asOf) <= 35) f.upTo35.count++;
  const admitted = row.date("admissionDate");
  if (!admitted || compareDates(admitted, asOf) > 0) return;
  const years = ageOn(admitted, asOf);
  bump(f.partyAgeBands, partyAgeBand(years));
  if (years >= 50) add(f.fiftyYears, name);
  const soon = admitted.m === asOf.m ? 0 : admitted.m === nextMonth(asOf.m) ? 1 : -1;
  if (soon >= 0) {
    const birthdayYear = asOf.y + (soon === 1 && asOf.m === 12 ? 1 : 0);
    f.politicalBirthdays.push({ name, date: formatDate(admitted), years: birthdayYear - admitted.y });
  }
}

/** Completes the figures once every row is in: rates and the birthdays in calendar order from the as-of month. */
export function finishYearFigures(f: YearFigures, members: number, asOf: CellDate): void {
  f.upTo35.rate = rate(f.upTo35.count, members);
  const order = (date: string) => {
    const m = Number(date.slice(5, 7));
    const d = Number(date.slice(8, 10) || 0);
    return (m === asOf.m ? 0 : 100) + d;
  };
  f.politicalBirthdays.sort((a, b) => order(a.date) - order(b.date) || a.name.localeCompare(b.name, "zh-CN"));
  const ordered: Counts = {};
  for (const band of PARTY_AGE_BANDS) ordered[band] = f.partyAgeBands[band] ?? 0;
  f.partyAgeBands = ordered;
}
