import { SCHEDULE_TYPE } from "../templates/schedule";

/**
 * Words that tell the 活动类型 (schedule `type`, SPEC §2.2) of a plan item, and the words that name who runs it.
 * Pure data: `guessType` / `guessOwner` in parse-plan.ts only walk these tables.
 */

export interface TypeWords {
  readonly type: string;
  /** Any of these in the item's text gives the type. */
  readonly words: readonly string[];
  /** …unless the match is only part of one of these (e.g. 学习 inside 学习笔记). */
  readonly unless?: readonly string[];
}

/**
 * First matching entry wins, so the order is the precedence:
 * - the annual 组织生活会 usually carries the 民主评议党员 with it ("召开年度组织生活会，开展民主评议党员") and is
 *   the meeting that is held, so it comes first;
 * - the 三会 (支委会, 党员大会, 党小组会) before 党课 and 主题党日, which are often held at such a meeting;
 * - 党小组会 needs the word 会: "党小组开展…交流" names the actor, not a 党小组会;
 * - the generic 学习 last, as it appears in many items that are something else ("参观学习" stays 专题学习).
 */
export const TYPE_WORDS: readonly TypeWords[] = [
  { type: SCHEDULE_TYPE.life, words: ["组织生活会", "民主生活会"] },
  { type: SCHEDULE_TYPE.appraisal, words: ["民主评议"] },
  { type: SCHEDULE_TYPE.committee, words: ["支委会", "支部委员会", "支委扩大会", "支委会议", "支部委员会议"] },
  { type: SCHEDULE_TYPE.general, words: ["党员大会", "支部大会", "全体党员会", "党员会议"] },
  { type: SCHEDULE_TYPE.group, words: ["党小组会"] },
  { type: SCHEDULE_TYPE.lecture, words: ["党课"] },
  { type: SCHEDULE_TYPE.partyDay, words: ["主题党日", "党日活动"] },
  {
    type: SCHEDULE_TYPE.study,
    words: ["专题学习", "集中学习", "理论学习", "学习研讨", "学习会", "读书班", "学习"],
    unless: ["学习笔记", "学习强国", "学习心得"],
  },
];

/** Type of an item no word matched. */
export const OTHER_TYPE: string = SCHEDULE_TYPE.other;

/**
 * Who runs an item, from words at the start of its text ("党小组开展…", "书记讲…"): pattern → owner written
 * into 负责人. Tried in order; the first whose pattern matches at the start wins. `null` owner = the matched
 * text itself (e.g. 第一党小组).
 */
export const OWNER_PREFIXES: ReadonlyArray<{ readonly pattern: RegExp; readonly owner: string | null }> = [
  { pattern: /^(?:由)?各党小组/, owner: "党小组" },
  { pattern: /^(?:由)?第[一二三四五六七八九十\d]+党小组/, owner: null },
  { pattern: /^(?:由)?党小组/, owner: "党小组" },
  { pattern: /^(?:由)?(?:党支部|支部)书记/, owner: "书记" },
  { pattern: /^(?:由)?书记/, owner: "书记" },
  { pattern: /^(?:由)?(?:党支部|支部)(?!书记)/, owner: "支部" },
];

/**
 * Words in a bracket at the end of an item that name who runs it ("（支部，五月份）"). A bracket that holds a
 * month is always read as meta, whatever else it says; one without a month only when it names one of these.
 */
export const OWNER_WORDS: readonly string[] = [
  "党支部",
  "支部",
  "党小组",
  "支委会",
  "支委",
  "书记",
  "组织委员",
  "宣传委员",
  "纪检委员",
  "全体党员",
  "工会",
  "团支部",
];

/** Spellings of an owner normalised in the 负责人 column. */
export const OWNER_SYNONYMS: Readonly<Record<string, string>> = {
  党支部: "支部",
  各党小组: "党小组",
  支部书记: "书记",
  党支部书记: "书记",
};
