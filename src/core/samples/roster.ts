/**
 * Invented, valid sample rows for the 党员花名册 (roster) template: school staff with made-up names, well-formed
 * ID numbers and a membership date chain that satisfies every roster rule at the given as-of date.
 * No real people: names are random combinations of common characters and IDs random digits with a valid check.
 */
import type { CellDate, CellValue } from "../types";
import { dayNumber, daysInMonth } from "../dates";
import { idCheckChar } from "../id-number";
import { standardDues } from "../dues";
import { ETHNICITIES } from "../templates/ethnicities";
import { CATEGORY } from "../templates/roster";
import { type Random, createRandom } from "./random";

export interface SampleOptions {
  readonly seed?: number;
  /** No generated date lies after this day; 预备党员 are admitted so that they are neither overdue nor due. */
  readonly asOf: CellDate;
}

const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ["王", 10], ["李", 10], ["张", 9], ["刘", 8], ["陈", 7], ["杨", 5], ["黄", 4], ["赵", 4], ["吴", 3], ["周", 3],
  ["徐", 3], ["孙", 3], ["马", 2], ["朱", 2], ["胡", 2], ["郭", 2], ["何", 2], ["高", 2], ["林", 2], ["罗", 2],
  ["郑", 2], ["梁", 2], ["谢", 1], ["宋", 1], ["唐", 1], ["许", 1], ["韩", 1], ["冯", 1], ["邓", 1], ["曹", 1],
  ["彭", 1], ["曾", 1], ["肖", 1], ["田", 1], ["董", 1], ["袁", 1], ["潘", 1], ["于", 1], ["蒋", 1], ["蔡", 1],
  ["余", 1], ["杜", 1], ["叶", 1], ["程", 1], ["苏", 1], ["魏", 1], ["吕", 1], ["丁", 1], ["任", 1], ["沈", 1],
  ["姚", 1], ["卢", 1], ["姜", 1], ["崔", 1], ["钟", 1], ["谭", 1], ["陆", 1], ["汪", 1], ["范", 1], ["金", 1],
  ["石", 1], ["廖", 1], ["贾", 1], ["夏", 1], ["韦", 1], ["方", 1], ["白", 1], ["邹", 1], ["孟", 1], ["熊", 1],
  ["秦", 1], ["邱", 1], ["江", 1], ["尹", 1], ["薛", 1], ["段", 1], ["雷", 1], ["侯", 1], ["龙", 1], ["史", 1],
  ["欧阳", 0.3], ["司马", 0.1], ["上官", 0.1],
];

const GIVEN_MALE: readonly string[] = Array.from("伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林阳建国志海峰东亮成晨博毅嘉睿哲轩铭瑞");
const GIVEN_FEMALE: readonly string[] = Array.from("芳娜敏静丽艳娟霞燕玲婷雪琳慧颖洁萍红梅莉兰倩丹佳欣悦琴云璐瑶怡雯蕾楠岚茜月秀英");
const GIVEN_ANY: readonly string[] = Array.from("晓春秋文思子雨一心安永立新振彦清");

/** Real-looking county-level region codes (first six ID digits). */
const REGIONS: readonly string[] = [
  "110105", "110108", "310104", "310115", "320102", "320506", "330106", "330203", "340104", "350102",
  "360102", "370102", "370212", "410105", "420106", "430104", "440106", "440305", "450103", "500103",
  "510107", "520102", "530102", "610113", "620102", "130102", "140105", "210102", "220102", "230103",
];

const POSTS: ReadonlyArray<readonly [string, number]> = [
  ["语文教师", 12], ["数学教师", 12], ["英语教师", 8], ["物理教师", 3], ["化学教师", 3], ["生物教师", 2],
  ["历史教师", 2], ["地理教师", 2], ["道德与法治教师", 3], ["科学教师", 3], ["音乐教师", 2], ["体育教师", 3],
  ["美术教师", 2], ["信息技术教师", 2], ["班主任", 8], ["年级组长", 3], ["教研组长", 3], ["教务主任", 1],
  ["德育主任", 1], ["总务主任", 1], ["办公室主任", 1], ["副校长", 1], ["会计", 1], ["后勤", 2], ["校医", 1],
  ["图书管理员", 1],
];

const GROUPS: readonly string[] = ["第一党小组", "第二党小组", "第三党小组"];
const RETIRED_GROUP = "离退休党小组";

const EDUCATION_WORKING: ReadonlyArray<readonly [string, number]> = [
  ["研究生", 20], ["大学本科", 62], ["大学专科", 12], ["中专", 4], ["高中", 2],
];
const EDUCATION_RETIRED: ReadonlyArray<readonly [string, number]> = [
  ["大学本科", 25], ["大学专科", 35], ["中专", 25], ["高中", 10], ["初中及以下", 5],
];

const CATEGORY_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  [CATEGORY.full, 74], [CATEGORY.probationary, 7], [CATEGORY.candidate, 5], [CATEGORY.activist, 7], [CATEGORY.applicant, 7],
];

const PHONE_PREFIXES: readonly string[] = [
  "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "157", "158",
  "159", "166", "177", "178", "180", "181", "182", "183", "186", "187", "188", "189", "198", "199",
];

const MEMBER_NOTES: readonly string[] = ["党小组长", "支部委员", "组织委员", "宣传委员", "纪检委员"];
const MINORITIES: readonly string[] = ETHNICITIES.filter((e) => e !== "汉族");
const COMMON_MINORITIES: readonly string[] = ["回族", "满族", "壮族", "蒙古族", "土家族", "苗族", "朝鲜族"];

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

export function sampleName(r: Random, male: boolean): string {
  const surname = r.weighted(SURNAMES);
  const pool = male ? GIVEN_MALE : GIVEN_FEMALE;
  const char = () => (r.chance(0.2) ? r.pick(GIVEN_ANY) : r.pick(pool));
  return surname + char() + (r.chance(0.65) ? char() : "");
}

interface Chain {
  application: number | null;
  activist: number | null;
  candidate: number | null;
  admission: number | null;
  full: number | null;
}

const NO_CHAIN: Chain = { application: null, activist: null, candidate: null, admission: null, full: null };

/*
 * Day numbers (days since 1970-01-01, the same count as `dayNumber` in dates.ts) with integer arithmetic only:
 * this runs a dozen times per row, and Math calls are slow in some sandboxes (jest's). Valid for years ≥ 1.
 */

/** Day number → date. */
export function dateOfDay(day: number): CellDate {
  const z = day + 719468;
  const era = (z / 146097) | 0;
  const doe = z - era * 146097;
  const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36524) | 0) - ((doe / 146096) | 0)) / 365) | 0;
  const doy = doe - (365 * yoe + ((yoe / 4) | 0) - ((yoe / 100) | 0));
  const mp = ((5 * doy + 2) / 153) | 0;
  const d = doy - (((153 * mp + 2) / 5) | 0) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { kind: "date", y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Date → day number. */
export function dayOfDate(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = (yy / 400) | 0;
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + (((153 * mp + 2) / 5) | 0) + d - 1;
  return era * 146097 + doe - 719468;
}

/** Same month and day `years` later (29 Feb → 28 Feb), like `addYears` in dates.ts, on day numbers. */
export function plusYears(day: number, years: number): number {
  const t = dateOfDay(day);
  const y = t.y + years;
  const dim = daysInMonth(y, t.m);
  return dayOfDate(y, t.m, t.d < dim ? t.d : dim);
}

/**
 * The date chain of one person as day numbers, consistent with the roster rules: application at 18 or later,
 * activist ≥ application, candidate ≥ activist + 1 year, admission ≥ candidate, full = admission + 1 year
 * (+ up to a few months); 预备党员 admitted at most 320 days before as-of; nothing after as-of.
 * Returns null when the person is too young for the category.
 */
function sampleChain(r: Random, category: string, earliestApp: number, asOf: number, shortGaps: boolean): Chain | null {
  const g1 = shortGaps ? r.int(0, 10) : r.int(30, 300); // application → activist
  const e2 = shortGaps ? 0 : r.int(0, 200); // activist + 1 year → candidate
  const g3 = shortGaps ? r.int(0, 10) : r.int(20, 150); // candidate → admission
  const backFromActivist = (activist: number): Chain | null => {
    const application = activist - g1;
    return application >= earliestApp ? { ...NO_CHAIN, application, activist } : null;
  };
  const backFromCandidate = (candidate: number): Chain | null => {
    const head = backFromActivist(plusYears(candidate, -1) - e2);
    return head ? { ...head, candidate } : null;
  };
  switch (category) {
    case CATEGORY.full: {
      const p = shortGaps || r.chance(0.75) ? 0 : r.int(1, 120); // admission + 1 year → full
      const span = g1 + 366 + e2 + g3 + 366 + p; // an upper bound of application → full
      const latestApp = asOf - span;
      if (latestApp < earliestApp) return null;
      const application = r.int(earliestApp, Math.min(latestApp, earliestApp + 15 * 365));
      const activist = application + g1;
      const candidate = plusYears(activist, 1) + e2;
      const admission = candidate + g3;
      const full = plusYears(admission, 1) + p;
      return { application, activist, candidate, admission, full };
    }
    case CATEGORY.probationary: {
      const admission = asOf - r.int(0, 320);
      const head = backFromCandidate(admission - g3);
      return head ? { ...head, admission } : null;
    }
    case CATEGORY.candidate:
      return backFromCandidate(asOf - r.int(0, 330));
    case CATEGORY.activist:
      return backFromActivist(asOf - r.int(0, 600));
    default: {
      const application = asOf - r.int(0, 700);
      return application >= earliestApp ? { ...NO_CHAIN, application } : null;
    }
  }
}

function toDate(day: number | null): CellDate | null {
  return day === null ? null : dateOfDay(day);
}

/**
 * `n` rows keyed by the roster template's field keys: realistic, valid, invented school staff.
 * Deterministic for a seed; ID numbers are unique across the rows.
 */
export function sampleRosterRows(n: number, options: SampleOptions): Record<string, CellValue>[] {
  const r = createRandom(options.seed ?? 1);
  const asOf = dayNumber(options.asOf);
  const homeRegion = r.pick(REGIONS);
  const usedIds = new Set<string>();
  const rows: Record<string, CellValue>[] = [];
  const count = Math.max(0, Math.floor(n));

  for (let i = 0; i < count; i++) {
    const retired = r.chance(0.15);
    let category = retired ? CATEGORY.full : r.weighted(CATEGORY_WEIGHTS);
    const member0 = category === CATEGORY.full;
    // Whole years of age at as-of.
    const age = retired ? r.int(56, 82) : member0 ? r.int(24, 59) : r.int(23, 45);
    const oldest = plusYears(asOf, -(age + 1)) + 1;
    const youngest = plusYears(asOf, -age);
    const birthDay = r.int(oldest, youngest);
    const birth = dateOfDay(birthDay);
    const male = r.chance(retired ? 0.5 : 0.35);

    const earliestApp = plusYears(birthDay, 18) + 1;
    let chain = sampleChain(r, category, earliestApp, asOf, false) ?? sampleChain(r, category, earliestApp, asOf, true);
    if (!chain) {
      category = CATEGORY.applicant;
      chain = { ...NO_CHAIN, application: r.int(Math.max(earliestApp, asOf - 700), asOf) };
    }
    const member = category === CATEGORY.full || category === CATEGORY.probationary;

    // ID: region + birth date + 3-digit sequence (odd for men) + check character; unique across rows.
    const birthDigits = pad(birth.y, 4) + pad(birth.m, 2) + pad(birth.d, 2);
    let first17 = "";
    for (let attempt = 0; ; attempt++) {
      const region = attempt < 20 && r.chance(0.6) ? homeRegion : r.pick(REGIONS);
      const seq3 = r.int(0, 499) * 2 + (male ? 1 : 0);
      first17 = region + birthDigits + pad(seq3, 3);
      if (!usedIds.has(first17)) break;
    }
    usedIds.add(first17);
    const idNumber = first17 + idCheckChar(first17);

    const employment = retired ? "离退休" : "在职";
    const duesBase = member ? (retired ? r.int(3000, 7000) : r.int(2800, 12000)) : null;
    const dues = duesBase !== null ? standardDues(duesBase, employment) : null;
    const ethnicity = r.chance(0.9) ? "汉族" : r.chance(0.7) ? r.pick(COMMON_MINORITIES) : r.pick(MINORITIES);
    const post = retired ? (r.chance(0.8) ? "退休教师" : "退休职工") : r.weighted(POSTS);
    const phone = r.pick(PHONE_PREFIXES) + pad(r.int(0, 99999999), 8);
    const note = member && !retired && r.chance(0.04) ? r.pick(MEMBER_NOTES) : null;

    rows.push({
      seq: i + 1,
      name: sampleName(r, male),
      gender: male ? "男" : "女",
      ethnicity,
      idNumber,
      birthDate: birth,
      education: r.weighted(retired ? EDUCATION_RETIRED : EDUCATION_WORKING),
      post,
      group: retired ? RETIRED_GROUP : r.pick(GROUPS),
      category,
      employment,
      applicationDate: toDate(chain.application),
      activistDate: toDate(chain.activist),
      candidateDate: toDate(chain.candidate),
      admissionDate: toDate(chain.admission),
      fullDate: toDate(chain.full),
      phone,
      duesBase,
      dues,
      note,
    });
  }
  return rows;
}
