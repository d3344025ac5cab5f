/**
 * Plan text (a 工作计划's 月度工作安排 as a secretary pastes it) → schedule rows (SPEC §2.2, §5 import-plan).
 *
 * Line by line:
 * - month headings `三月份：`, `3月:`, `十二月份`, `【3月】`, `2026年3月：`, `七、八月份：`, `9—10月：`, optionally with an
 *   item on the same line (`七月份：庆祝建党纪念日专题党课。`);
 * - items, numbered `1、` `2.` `2．` `（1）` `(1)` `①` `⑴` `（一）` or bulleted, or unnumbered under a month heading;
 *   an item may end with a bracket naming who runs it and its month(s): `（支部，五月份）` `(党小组，九—十月份)`
 *   `（党小组，4—7月份）` `(支部,3月)` — full- or half-width brackets, commas and digits, ranges with — – ～ ~ - 至 到,
 *   lists with 、和;
 * - section headings (`四、月度工作安排`, `五、专项活动`) end the current month; the title and sub-headings are
 *   skipped quietly;
 * - every other non-blank line is reported in `skipped` with its line number and a reason, never dropped silently.
 *
 * 活动类型 and 负责人 are guessed from the words via the tables in type-words.ts.
 */
import { chineseNumber } from "../coerce";
import { toHalfWidth } from "../text";
import { OTHER_TYPE, OWNER_PREFIXES, OWNER_SYNONYMS, OWNER_WORDS, TYPE_WORDS } from "./type-words";

/** each-month: one row per month of a range; first-month: one row for its first month, the range in 备注. */
export type RangeMode = "each-month" | "first-month";

export interface ParsePlanOptions {
  /** The plan's year; rows under a heading of another year (`2025年12月：`) say so in 备注. */
  readonly year: number;
  readonly rangeMode?: RangeMode;
}

export interface PlanRow {
  month: number;
  type: string;
  topic: string;
  owner: string | null;
  note: string | null;
  /** 1-based line of the item in the text. */
  sourceLine: number;
}

export interface SkippedLine {
  /** 1-based line number. */
  line: number;
  text: string;
  reason: string;
}

export interface PlanParseResult {
  rows: PlanRow[];
  skipped: SkippedLine[];
}

export const SKIP_REASONS = {
  noMonth: "不在任何月份标题下，也没有注明月份（可在条目末尾写“（支部，三月份）”）",
  empty: "条目没有内容",
  note: "说明文字，未导入",
} as const;

function badMonthReason(written: string): string {
  return `月份写法无法识别：“${written}”（应为 1—12 月，如“三月份”“4—7月份”）`;
}

// ------------------------------------------------------------------------------------------------- months

export interface MonthSpec {
  /** Months in order, each once. */
  readonly months: readonly number[];
  /** As written for 备注: "9—10月", "7、8月", "3月", "每月". */
  readonly label: string;
}

const MONTH_TERM = /^(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*(月份|月)?/;
const RANGE_SEP = /^\s*(?:[—–~〜\-－]+|至|到)\s*/;
const LIST_SEP = /^\s*(?:[、,/]|和|及|与)\s*/;
const EVERY_MONTH = /^(?:每个?月份?|逐月|各月)/;

function monthNumber(token: string): number | null {
  const n = /^\d+$/.test(token) ? Number(token) : chineseNumber(token);
  return n !== null && n >= 1 && n <= 12 ? n : null;
}

/**
 * The longest month spec at the start of `s` (half-width) that ends in 月 or 月份: "三月份", "9—10月", "9月至10月",
 * "七、八月份", "3、5—6月", "每月". Months must increase; with `adjacentLists`, months listed with 、 must follow
 * each other ("七、八月份", but "一、五月份" is a section number before May). `length` is how much of `s` it takes.
 */
export function monthSpecPrefix(s: string, adjacentLists = false): (MonthSpec & { readonly length: number }) | null {
  const every = EVERY_MONTH.exec(s);
  if (every) return { months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], label: "每月", length: every[0].length };
  const months: number[] = [];
  const groups: [number, number][] = [];
  let pos = 0;
  let range = false;
  let best: (MonthSpec & { length: number }) | null = null;
  for (;;) {
    const term = MONTH_TERM.exec(s.slice(pos));
    if (!term) break;
    const n = monthNumber(term[1] ?? "");
    const last = months[months.length - 1];
    if (n === null || (last !== undefined && n <= last)) break;
    if (adjacentLists && !range && last !== undefined && n !== last + 1) break;
    if (range && last !== undefined) {
      for (let m = last + 1; m <= n; m++) months.push(m);
      const g = groups[groups.length - 1];
      if (g) g[1] = n;
    } else {
      months.push(n);
      groups.push([n, n]);
    }
    pos += term[0].length;
    if (term[2]) {
      const label = groups.map(([a, b]) => (a === b ? String(a) : `${a}—${b}`)).join("、") + "月";
      best = { months: [...months], label, length: pos };
    }
    const rest = s.slice(pos);
    const r = RANGE_SEP.exec(rest);
    const l = r ? null : LIST_SEP.exec(rest);
    const sep = r ?? l;
    if (!sep || !MONTH_TERM.test(rest.slice(sep[0].length))) break;
    range = r !== null;
    pos += sep[0].length;
  }
  return best;
}

/** A whole string that is a month spec (brackets: "五月份", "4—7月份", "3月"), else null. */
export function parseMonthSpec(text: string): MonthSpec | null {
  const s = toHalfWidth(text).trim();
  const spec = monthSpecPrefix(s);
  return spec && spec.length === s.length ? { months: spec.months, label: spec.label } : null;
}

// ------------------------------------------------------------------------------------------------- years

const CN_YEAR_DIGITS: Readonly<Record<string, string>> = {
  〇: "0",
  零: "0",
  "○": "0",
  Ｏ: "0",
  一: "1",
  二: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
};
const YEAR_TOKEN = "(\\d{4}|[〇零○Ｏ一二三四五六七八九]{4})";

function yearNumber(token: string): number | null {
  const digits = [...token].map((c) => (/\d/.test(c) ? c : (CN_YEAR_DIGITS[c] ?? "?"))).join("");
  const n = Number(digits);
  return /^\d{4}$/.test(digits) && n >= 1900 && n <= 2999 ? n : null;
}

/** The first year written as "2026年" or "二〇二六年" in the text, else null. */
export function findPlanYear(text: string): number | null {
  const re = new RegExp(`${YEAR_TOKEN}\\s*年`, "g");
  for (const m of toHalfWidth(text).matchAll(re)) {
    const y = yearNumber(m[1] ?? "");
    if (y !== null) return y;
  }
  return null;
}

/** The branch named at the start of the title ("实验小学党支部二〇二六年工作计划" → 实验小学党支部), else null. */
export function findPlanBranch(text: string): string | null {
  const first = splitLines(text).find((l) => l.trim() !== "");
  if (!first) return null;
  const m = /^\s*(?:中共)?(.{1,30}?(?:党总支部|党总支|党支部|支部))/.exec(first);
  const name = m?.[1]?.trim();
  if (!name || /\d{4}|年|[。，,；;:：]/.test(name)) return null;
  return m?.[0]?.trim() ?? null;
}

// ------------------------------------------------------------------------------------------------- guessing

/** 活动类型 from the words of an item (first entry of TYPE_WORDS that matches). */
export function guessType(text: string): string {
  for (const entry of TYPE_WORDS) {
    const t = entry.unless ? entry.unless.reduce((acc, u) => acc.split(u).join(" "), text) : text;
    if (entry.words.some((w) => t.includes(w))) return entry.type;
  }
  return OTHER_TYPE;
}

function normaliseOwner(owner: string): string {
  const t = owner.trim();
  return OWNER_SYNONYMS[t] ?? t;
}

/** 负责人 from the actor at the start of an item ("党小组开展…" → 党小组, "书记讲…" → 书记), else null. */
export function guessOwner(text: string): string | null {
  for (const { pattern, owner } of OWNER_PREFIXES) {
    const m = pattern.exec(text);
    if (m) return owner ?? normaliseOwner(m[0].replace(/^由/, ""));
  }
  return null;
}

// ------------------------------------------------------------------------------------------------- lines

function splitLines(text: string): string[] {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n|\u2028|\u2029/);
}

const SPACE = /^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g;
const CN_NUMERAL = "[一二三四五六七八九十]+";
/** Item numbering (on half-width text); group 1 marks a Chinese-numeral `一、` prefix, group 2 a `(一)` one. */
const NUMBERING = new RegExp(
  "^(?:" +
    `(${CN_NUMERAL}\\s*、)` +
    `|(\\(\\s*${CN_NUMERAL}\\s*\\))` +
    "|\\d{1,2}\\s*(?:[、.)]|\\s(?=\\D))(?!\\d)" +
    "|\\(\\s*\\d{1,2}\\s*\\)" +
    "|[\\u2460-\\u2473\\u2474-\\u2487\\u2488-\\u249b]" +
    "|第[一二三四五六七八九十\\d]+[条项][、.:]?" +
    "|[•·●○◆◇■□▪▶►※*-]" +
    ")\\s*",
);
const SECTION_PREFIX = new RegExp(
  `^(?:${CN_NUMERAL}\\s*[、.]|\\(\\s*${CN_NUMERAL}\\s*\\)|\\d{1,2}\\s*[、.](?!\\d)|第${CN_NUMERAL}[章部分节]+)\\s*`,
);
const TERMINAL = /[。;.!?！？…]\s*$/;
const TRAILING_PUNCT = /[\s;。.,、!！?？:：…]+$/;
const SEPARATOR_LINE = /^[\s\-—–_=*~·•.。…#]+$/;
const NOTE_LINE = /^(?:注|备注|说明|附注)\s*[:：]/;
const HEADING_WORDS =
  /(?:计划|安排|要点|方案|总结|目标|措施|任务|要求|思想|内容|活动|工作|建设|情况|附件|说明|节选|\(节选\)|（节选）)$/;
const ACTION_START =
  /^(?:召开|开展|组织|举办|举行|讲|上|学习|参观|慰问|走访|评选|确定|检查|布置|做好|完成|落实|进行|收缴|发展|接收|表彰|庆祝|观看|参加)/;
const META_LABEL = /^(?:负责人|责任人|负责|牵头|组织者|主持人?|时间|月份|日期)\s*[:：]?\s*/;
/** A bracket at the end that mentions a month but is no month spec ("（支部，3月—13月）"). */
const BAD_MONTH_BRACKET = /\([^()]*[\d一二三四五六七八九十]\s*月[^()]*\)[\s;。.,、!]*$/;
const HEADING_SUFFIX =
  /^(?:\s*[】\]])?(?:\s*(?:工作安排|工作重点|重点工作|活动安排|工作计划|工作|安排|计划))?(?:\s*[】\]])?/;

interface Meta {
  readonly months: MonthSpec | null;
  readonly owner: string | null;
  /** Index in the item body where the bracket starts. */
  readonly start: number;
}

/**
 * The bracket at the end of an item body (half-width `norm`) when it holds a month and/or an owner:
 * "(支部,五月份)", "(党小组,4—7月份)", "(3月)", "(党小组)". Other brackets ("(长津湖)") stay in the topic.
 */
function trailingMeta(norm: string): Meta | null {
  const m = /\(([^()]*)\)[\s;。.,、!]*$/.exec(norm);
  if (!m) return null;
  const parts = (m[1] ?? "")
    .split(/[,;，；]+|\s+/)
    .map((p) => p.replace(META_LABEL, "").trim())
    .filter((p) => p !== "");
  if (parts.length === 0) return null;
  let months: MonthSpec | null = null;
  const owners: string[] = [];
  for (const part of parts) {
    const spec: MonthSpec | null = months ? null : parseMonthSpec(part);
    if (spec) months = spec;
    else owners.push(part);
  }
  const ownerWords = owners.length > 0 && owners.every((o) => OWNER_WORDS.some((w) => o.includes(w)) && o.length <= 12);
  if (!months && !ownerWords) return null;
  return { months, owner: owners.length > 0 ? owners.map(normaliseOwner).join("、") : null, start: m.index };
}

function hasTypeWord(text: string): boolean {
  return guessType(text) !== OTHER_TYPE;
}

/**
 * The text of a numbered section heading ("四、月度工作安排", "五、专项活动", "（一）组织建设"): no closing
 * punctuation or month bracket, and either a heading word at the end or short without an activity word.
 */
function isHeadingText(norm: string): boolean {
  const t = norm.trim();
  if (t === "" || TERMINAL.test(t) || trailingMeta(t)) return false;
  if (/:$/.test(t)) return t.length <= 24 && !/,/.test(t);
  if (ACTION_START.test(t)) return false;
  if (HEADING_WORDS.test(t) && t.length <= 24) return true;
  return t.length <= 16 && !/[,、]/.test(t) && !hasTypeWord(t);
}

/**
 * An unnumbered line that is clearly a heading ("专项活动", "重点工作：", "附件"): stricter than numbered ones,
 * since an unnumbered line under a month is an item.
 */
function isBareHeading(norm: string): boolean {
  const t = norm.trim();
  if (t === "" || /,/.test(t) || hasTypeWord(t) || ACTION_START.test(t) || trailingMeta(t)) return false;
  if (/:$/.test(t)) return t.length <= 13;
  return t.length <= 8 && HEADING_WORDS.test(t);
}

interface Heading {
  readonly spec: MonthSpec;
  readonly year: number | null;
  /** Start of an item on the heading's line, in the line's (trimmed) text; null for none. */
  readonly itemStart: number | null;
}

/** A month heading at the start of `norm` (a trimmed half-width line), without any section prefix. */
function monthHeadingAt(norm: string, offset: number, adjacentLists: boolean): Heading | null {
  let s = norm.slice(offset);
  let pos = offset;
  const open = /^[【[]\s*/.exec(s);
  if (open) {
    pos += open[0].length;
    s = s.slice(open[0].length);
  }
  let year: number | null = null;
  const y = new RegExp(`^${YEAR_TOKEN}\\s*年\\s*`).exec(s);
  if (y) {
    year = yearNumber(y[1] ?? "");
    pos += y[0].length;
    s = s.slice(y[0].length);
  }
  const spec = monthSpecPrefix(s, adjacentLists);
  if (!spec) return null;
  pos += spec.length;
  s = s.slice(spec.length);
  const suffix = HEADING_SUFFIX.exec(s);
  const suffixLength = suffix ? suffix[0].length : 0;
  const after = s.slice(suffixLength);
  const heading = { months: spec.months, label: spec.label };
  if (after.trim() === "") return { spec: heading, year, itemStart: null };
  const sep = /^\s*[:：]\s*|^\s+/.exec(after);
  if (sep) {
    const start = pos + suffixLength + sep[0].length;
    return { spec: heading, year, itemStart: start < norm.length ? start : null };
  }
  // "五月份党小组…": an explicit 月份 may run straight into its item; "3月5日…" is a date, not a heading.
  if (
    !open &&
    suffixLength === 0 &&
    heading.months.length === 1 &&
    /月份$/.test(norm.slice(0, pos)) &&
    !/^[\d一二三四五六七八九十]+[日号]/.test(after)
  ) {
    return { spec: heading, year, itemStart: pos };
  }
  return null;
}

function monthHeading(norm: string): Heading | null {
  const prefix = SECTION_PREFIX.exec(norm);
  const stripped = () => (prefix ? monthHeadingAt(norm, prefix[0].length, false) : null);
  // "1、3月：" is item numbering before a month; "七、八月份" is July and August, but "一、一月份" or "四、十二月份"
  // a section number before a month (months of a heading's list must follow each other).
  if (/^\d/.test(norm)) return stripped() ?? monthHeadingAt(norm, 0, true);
  return monthHeadingAt(norm, 0, true) ?? stripped();
}

/** An item body split where a second numbered item starts on the same line ("1、…；2、…"). */
function splitInline(norm: string): number[] {
  const starts = [0];
  const re = /[;。]\s*(?=(?:\d{1,2}\s*[、.)](?!\d)|\(\s*\d{1,2}\s*\)|[\u2460-\u2473])\S)/g;
  for (const m of norm.matchAll(re)) starts.push((m.index ?? 0) + m[0].length);
  return starts;
}

// ------------------------------------------------------------------------------------------------- parsing

interface Item {
  readonly line: number;
  /** Original text of the item (numbering removed), and its half-width twin (same length). */
  text: string;
  norm: string;
  /** The line(s) as written, for `skipped`. */
  source: string;
  readonly months: MonthSpec | null;
  readonly year: number | null;
  readonly section: string | null;
}

/** Plan text → schedule rows and the lines it could not use. Pure: no I/O. */
export function parsePlan(text: string, options: ParsePlanOptions): PlanParseResult {
  const rangeMode = options.rangeMode ?? "each-month";
  const skipped: SkippedLine[] = [];
  const items: Item[] = [];
  let month: MonthSpec | null = null;
  let monthYear: number | null = null;
  let section: string | null = null;
  let seenContent = false;
  /** The item the next unnumbered line may continue (a numbered item without closing punctuation). */
  let pending: Item | null = null;

  const addItem = (line: number, orig: string, norm: string, source: string): Item => {
    const item: Item = { line, text: orig, norm, source, months: month, year: monthYear, section };
    items.push(item);
    return item;
  };
  /** Items of one line body, split at inline numbering; returns the last for continuation. */
  const addItems = (line: number, orig: string, norm: string, source: string): Item | null => {
    const starts = splitInline(norm);
    let last: Item | null = null;
    for (let k = 0; k < starts.length; k++) {
      const start = starts[k] ?? 0;
      const end = starts[k + 1] ?? norm.length;
      let o = orig.slice(start, end);
      let n = norm.slice(start, end);
      const num = k > 0 ? NUMBERING.exec(n) : null;
      if (num) {
        o = o.slice(num[0].length);
        n = n.slice(num[0].length);
      }
      last = addItem(line, o, n, source);
    }
    return last;
  };

  splitLines(text).forEach((rawLine, index) => {
    const line = index + 1;
    const orig = rawLine.replace(SPACE, "");
    const norm = toHalfWidth(orig);
    const continues = pending;
    pending = null;
    if (norm === "" || SEPARATOR_LINE.test(norm)) return;
    const first = !seenContent;
    seenContent = true;

    const heading = monthHeading(norm);
    if (heading) {
      month = heading.spec;
      monthYear = heading.year;
      if (heading.itemStart !== null) {
        let o = orig.slice(heading.itemStart);
        let n = norm.slice(heading.itemStart);
        const num = NUMBERING.exec(n);
        if (num && !num[1]) {
          o = o.slice(num[0].length);
          n = n.slice(num[0].length);
        }
        addItems(line, o, n, orig);
      }
      return;
    }

    if (NOTE_LINE.test(norm)) {
      skipped.push({ line, text: orig, reason: SKIP_REASONS.note });
      return;
    }

    const num = NUMBERING.exec(norm);
    if (num) {
      const bodyOrig = orig.slice(num[0].length);
      const body = norm.slice(num[0].length);
      if ((num[1] || num[2]) && isHeadingText(body)) {
        // "五、专项活动" ends the month section; "（一）组织建设" is a sub-heading inside it.
        if (num[1]) {
          month = null;
          monthYear = null;
          section = bodyOrig.replace(TRAILING_PUNCT, "") || null;
        }
        return;
      }
      const last = addItems(line, bodyOrig, body, orig);
      if (last && !TERMINAL.test(body) && !trailingMeta(body)) pending = last;
      return;
    }

    if (first && !TERMINAL.test(norm) && !trailingMeta(norm)) return; // the title
    if (isBareHeading(norm)) {
      // "专项活动" after the months starts a section of its own, as "五、专项活动" does.
      month = null;
      monthYear = null;
      section = orig.replace(TRAILING_PUNCT, "").replace(/[：]$/, "") || null;
      return;
    }
    // A numbered item broken over two lines: the rest ends the item (closing punctuation or month bracket) and
    // does not start like an item of its own.
    if (
      continues &&
      (TERMINAL.test(norm) || trailingMeta(norm)) &&
      !ACTION_START.test(norm) &&
      !monthSpecPrefix(norm)
    ) {
      continues.text += orig;
      continues.norm += norm;
      continues.source += orig;
      return;
    }
    if (month !== null || trailingMeta(norm)?.months || BAD_MONTH_BRACKET.test(norm)) {
      addItems(line, orig, norm, orig);
      return;
    }
    skipped.push({ line, text: orig, reason: SKIP_REASONS.noMonth });
  });

  const rows: PlanRow[] = [];
  for (const item of items) {
    const meta = trailingMeta(item.norm);
    const topicEnd = meta ? meta.start : item.text.length;
    // Trimmed on the half-width twin (same length), so full-width "；" "，" go too.
    const head = item.norm.slice(0, topicEnd);
    const lead = head.length - head.replace(/^[\s,;:、]+/, "").length;
    const topic = item.text.slice(lead, Math.max(lead, head.replace(TRAILING_PUNCT, "").length));
    if (topic === "") {
      skipped.push({ line: item.line, text: item.source, reason: SKIP_REASONS.empty });
      continue;
    }
    const spec = meta?.months ?? item.months;
    if (!spec) {
      const bad = BAD_MONTH_BRACKET.exec(item.norm);
      const reason = bad
        ? badMonthReason(item.text.slice(bad.index + 1, bad.index + bad[0].replace(/[\s;。.,、!]*$/, "").length - 1))
        : SKIP_REASONS.noMonth;
      skipped.push({ line: item.line, text: item.source, reason });
      continue;
    }
    const notes: string[] = [];
    if (meta?.months && item.section && !item.months) notes.push(item.section);
    if (spec.months.length > 1) notes.push(spec.label);
    if (!meta?.months && item.year !== null && item.year !== options.year) notes.push(`${item.year}年`);
    const note = notes.length > 0 ? notes.join("，") : null;
    const owner = meta?.owner ?? guessOwner(toHalfWidth(topic));
    const type = guessType(topic);
    const months = rangeMode === "first-month" ? spec.months.slice(0, 1) : spec.months;
    for (const m of months) rows.push({ month: m, type, topic, owner, note, sourceLine: item.line });
  }
  skipped.sort((a, b) => a.line - b.line);
  return { rows, skipped };
}
