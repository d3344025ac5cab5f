/**
 * Invented, valid sample rows for the 月度工作安排 (schedule) template: a school branch's year of 三会一课,
 * 主题党日, 专题学习 and other activities in the as-of year, that validate without any issue at that as-of date
 * (under the default 设置).
 *
 * The rows are drawn in priority order: first the meetings that the frequency requirements need for every
 * period that has ended by as-of (`minimumScheduleRows(asOf)` of them: 36 at 2026-11-21, at most 46 when as-of
 * is 31 December), then the regular meetings of the rest of the year, then other activities. With fewer rows
 * than that minimum the as-of year cannot be covered, so the rows are the next year's plan (all 计划, no period
 * of it ended yet): any number of rows validates without an issue.
 * No real people: owners are roles (支部书记, 组织委员, 第一党小组 …), never names.
 */
import type { CellDate, CellValue } from "../types";
import { dayNumber, daysInMonth } from "../dates";
import { defaultSettings, settingNumber } from "../settings";
import { SCHEDULE_FREQUENCY, SCHEDULE_STATUS, SCHEDULE_TYPE } from "../templates/schedule";
import { endedPeriods, periodsOf } from "../rules/schedule/shared";
import { type Random, createRandom } from "./random";

export interface ScheduleSampleOptions {
  readonly seed?: number;
  /** Events are planned in this date's year (below minimumScheduleRows, the next); earlier ones are 已完成. */
  readonly asOf: CellDate;
}

/** How many rows it takes to meet every frequency requirement (default 设置) for the periods ended by as-of. */
export function minimumScheduleRows(asOf: CellDate): number {
  const settings = defaultSettings();
  let n = 0;
  for (const req of SCHEDULE_FREQUENCY) n += settingNumber(settings, req.setting) * endedPeriods(req.per, asOf.y, asOf).length;
  return n;
}

interface Event {
  readonly type: string;
  readonly month: number;
  readonly topic: string;
  readonly owner: string;
  readonly participants: string;
  readonly location: string;
  readonly expected: number;
  /** Activities beyond the regular meetings may be cancelled or postponed. */
  readonly optional: boolean;
}

const GROUPS = ["第一党小组", "第二党小组", "第三党小组"] as const;

const QUARTER_NAMES = ["一", "二", "三", "四"];

const GENERAL_THEMES = [
  "传达学习上级会议精神，部署全年党建工作",
  "通报上半年支部工作，讨论发展党员工作",
  "学习贯彻上级文件精神，讨论评优推荐",
  "审议支部年度工作总结和下年度工作计划",
];

const COMMITTEE_TOPICS = ["研究{m}月份党建工作", "研究{m}月份支部工作安排", "研究{m}月党员教育管理工作"];

const GROUP_THEMES = [
  "学习《中国共产党章程》",
  "交流学习心得",
  "学习党的创新理论",
  "学习《中国共产党纪律处分条例》",
  "学习新时代中小学教师职业行为十项准则",
  "师德师风学习交流",
  "学习身边先进典型",
  "讨论支部工作意见和建议",
];

const LECTURE_TOPICS = [
  "书记讲党课：坚定理想信念，做新时代好老师",
  "专题党课：发扬党的优良传统",
  "党员教师讲党课：立德树人，教书育人",
  "书记讲党课：全面从严治党永远在路上",
];

const PARTY_DAY_THEMES = [
  "新春走访慰问困难党员",
  "学习身边榜样",
  "学雷锋志愿服务",
  "清明缅怀革命先烈",
  "劳动教育实践",
  "重温入党誓词",
  "庆祝中国共产党成立纪念日",
  "暑期党员社区报到服务",
  "教师节师德承诺践诺",
  "爱国主义教育参观学习",
  "参观廉政教育基地",
  "年终学习交流",
];

const STUDY_TOPICS = [
  "学习《中国共产党章程》",
  "学习《中国共产党纪律处分条例》",
  "学习教育法律法规",
  "师德师风专题学习",
  "学习党的创新理论",
  "学习《中国共产党支部工作条例（试行）》",
  "学习《中国共产党党员教育管理工作条例》",
  "意识形态工作专题学习",
  "廉洁从教专题学习",
  "学习习近平总书记关于教育的重要论述",
  "学习上级党组织会议精神",
  "党史学习",
];

/** 其他 activities by month (index 0 = January). */
const OTHER_BY_MONTH: readonly (readonly string[])[] = [
  ["走访慰问离退休老党员"],
  ["寒假党员志愿服务"],
  ["学雷锋志愿服务活动"],
  ["清明节烈士陵园祭扫"],
  ["党员示范课展示"],
  ["七一先进表彰准备"],
  ["七一表彰先进党员"],
  ["暑期党员家访"],
  ["教师节座谈会"],
  ["国庆主题教育活动"],
  ["党员亮岗履责交流"],
  ["年终党建工作总结", "走访慰问困难党员"],
];

const PARTY_DAY_PLACES = ["党员活动室", "学校报告厅", "社区服务中心", "区革命纪念馆"];

function fill(template: string, m: number): string {
  return template.replace("{m}", String(m));
}

interface Branch {
  readonly members: number;
  readonly committee: number;
  readonly groupSizes: readonly number[];
}

function makeBranch(r: Random): Branch {
  const members = r.int(18, 45);
  const committee = members >= 30 ? r.pick([5, 7]) : r.pick([3, 5]);
  const base = Math.floor(members / GROUPS.length);
  const groupSizes = GROUPS.map((_, i) => base + (i < members % GROUPS.length ? 1 : 0));
  return { members, committee, groupSizes };
}

/** One event of a type with a frequency requirement, in month `m` (`k` numbers repeats within a period). */
function regularEvent(r: Random, b: Branch, type: string, m: number, k: number, year: number): Event {
  const q = Math.ceil(m / 3);
  const again = k > 0 ? `（${k + 1}）` : "";
  const all = { participants: "全体党员", expected: b.members, optional: false };
  switch (type) {
    case SCHEDULE_TYPE.general:
      return { ...all, type, month: m, topic: `第${QUARTER_NAMES[q - 1]}季度支部党员大会：${GENERAL_THEMES[q - 1]}${again}`, owner: "支部书记", location: "学校会议室" };
    case SCHEDULE_TYPE.committee:
      return {
        type,
        month: m,
        topic: fill(r.pick(COMMITTEE_TOPICS), m) + again,
        owner: "支部书记",
        participants: "支委委员",
        location: "党员活动室",
        expected: b.committee,
        optional: false,
      };
    case SCHEDULE_TYPE.group: {
      const g = (m + k) % GROUPS.length;
      return {
        type,
        month: m,
        topic: `${GROUPS[g]}${m}月学习：${GROUP_THEMES[(m + k) % GROUP_THEMES.length]}${again}`,
        owner: GROUPS[g]!,
        participants: `${GROUPS[g]}党员`,
        location: "党员活动室",
        expected: b.groupSizes[g] ?? b.members,
        optional: false,
      };
    }
    case SCHEDULE_TYPE.lecture:
      return { ...all, type, month: m, topic: `${LECTURE_TOPICS[q - 1]}${again}`, owner: q % 2 ? "支部书记" : "宣传委员", location: "学校会议室" };
    case SCHEDULE_TYPE.partyDay:
      return { ...all, type, month: m, topic: `${m}月主题党日：${PARTY_DAY_THEMES[m - 1]}${again}`, owner: "宣传委员", location: r.pick(PARTY_DAY_PLACES) };
    case SCHEDULE_TYPE.life:
      return { ...all, type, month: m, topic: `${year}年度组织生活会${again}`, owner: "支部书记", location: "学校会议室" };
    case SCHEDULE_TYPE.appraisal:
      return { ...all, type, month: m, topic: `${year}年度民主评议党员${again}`, owner: "组织委员", location: "学校会议室" };
    default:
      return { ...all, type, month: m, topic: `${type}${again}`, owner: "支部", location: "学校会议室" };
  }
}

/** The month a period's event is held in: quarters in a random month, the yearly meetings in December. */
function monthIn(r: Random, firstMonth: number, lastMonth: number): number {
  if (firstMonth === lastMonth) return firstMonth;
  if (lastMonth - firstMonth >= 11) return 12;
  return r.int(firstMonth, lastMonth);
}

/** The meetings the frequency requirements ask for: those of ended periods first, then the rest of the year. */
function requiredEvents(r: Random, b: Branch, asOf: CellDate, year: number): { ended: Event[]; rest: Event[] } {
  const settings = defaultSettings();
  const ended: Event[] = [];
  const rest: Event[] = [];
  for (const req of SCHEDULE_FREQUENCY) {
    const count = settingNumber(settings, req.setting);
    const done = new Set(endedPeriods(req.per, year, asOf).map((p) => p.key));
    for (const p of periodsOf(req.per, year)) {
      for (let k = 0; k < count; k++) {
        const e = regularEvent(r, b, req.type, monthIn(r, p.firstMonth, p.lastMonth), k, year);
        (done.has(p.key) ? ended : rest).push(e);
      }
    }
  }
  return { ended, rest };
}

/** Other activities of the year: the other groups' meetings, 专题学习, 其他. */
function otherEvents(r: Random, b: Branch, year: number): Event[] {
  const out: Event[] = [];
  for (let m = 1; m <= 12; m++) {
    out.push({
      type: SCHEDULE_TYPE.study,
      month: m,
      topic: STUDY_TOPICS[(m - 1) % STUDY_TOPICS.length]!,
      owner: "宣传委员",
      participants: "全体党员",
      location: "学校会议室",
      expected: b.members,
      optional: true,
    });
    for (const topic of OTHER_BY_MONTH[m - 1] ?? []) {
      out.push({ type: SCHEDULE_TYPE.other, month: m, topic, owner: r.pick(["支部", "组织委员", "宣传委员"]), participants: "全体党员", location: "学校", expected: b.members, optional: true });
    }
    // The groups not covered by the required monthly 党小组会 (see regularEvent) meet too.
    for (let k = 1; k < GROUPS.length; k++) out.push({ ...regularEvent(r, b, SCHEDULE_TYPE.group, m, k, year), topic: groupTopic(m, k), optional: true });
  }
  return out;
}

function groupTopic(m: number, k: number): string {
  const g = (m + k) % GROUPS.length;
  return `${GROUPS[g]}${m}月学习：${GROUP_THEMES[(m + k) % GROUP_THEMES.length]}`;
}

/** Endless further activities once the year's plan is used up, each with its own topic. */
function* moreEvents(r: Random, b: Branch): Generator<Event> {
  for (let i = 1; ; i++) {
    const m = r.int(1, 12);
    if (r.chance(0.5)) {
      yield { type: SCHEDULE_TYPE.study, month: m, topic: `${r.pick(STUDY_TOPICS)}（第${i}次）`, owner: "宣传委员", participants: "全体党员", location: "学校会议室", expected: b.members, optional: true };
    } else {
      const g = r.int(0, GROUPS.length - 1);
      yield {
        type: SCHEDULE_TYPE.group,
        month: m,
        topic: `${GROUPS[g]}学习：${r.pick(GROUP_THEMES)}（第${i}次）`,
        owner: GROUPS[g]!,
        participants: `${GROUPS[g]}党员`,
        location: "党员活动室",
        expected: b.groupSizes[g] ?? b.members,
        optional: true,
      };
    }
  }
}

/** Monday–Friday days of a month. */
function weekdays(year: number, m: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= daysInMonth(year, m); d++) {
    const dow = (((dayNumber({ kind: "date", y: year, m, d }) + 4) % 7) + 7) % 7; // 0 = Sunday (1970-01-01 was a Thursday)
    if (dow !== 0 && dow !== 6) out.push(d);
  }
  return out;
}

/**
 * `n` rows keyed by the schedule template's field keys, sorted by month and date: realistic, invented and valid
 * at as-of (no duplicate date + type + topic; 已完成 attendance at least 80 % of those expected; nothing still
 * 计划 before as-of). Deterministic for a seed.
 */
export function sampleScheduleRows(n: number, options: ScheduleSampleOptions): Record<string, CellValue>[] {
  const r = createRandom(options.seed ?? 1);
  const asOf = options.asOf;
  const count = Math.max(0, Math.floor(n));
  const year = count >= minimumScheduleRows(asOf) ? asOf.y : asOf.y + 1;
  const branch = makeBranch(r);
  const { ended, rest } = requiredEvents(r, branch, asOf, year);
  const plan = [...ended, ...rest, ...otherEvents(r, branch, year)];
  const chosen = plan.slice(0, count);
  if (chosen.length < count) {
    const more = moreEvents(r, branch);
    while (chosen.length < count) chosen.push(more.next().value as Event);
  }

  const workdays = new Map<number, number[]>();
  const used = new Set<string>();
  const asOfDay = dayNumber(asOf);
  const rows: Array<{ key: number; row: Record<string, CellValue> }> = [];
  for (const e of chosen) {
    let days = workdays.get(e.month);
    if (!days) workdays.set(e.month, (days = weekdays(year, e.month)));
    const monthStart = dayNumber({ kind: "date", y: year, m: e.month, d: 1 });
    // Months well after as-of are often planned without a day yet (the first row is dated: its year is the plan's).
    const undated = rows.length > 0 && monthStart > asOfDay + 31 && r.chance(0.4);
    let d = 0;
    if (!undated) {
      for (let attempt = 0; attempt < 40; attempt++) {
        const pick = r.pick(days);
        if (!used.has(`${e.month}-${pick}|${e.type}|${e.topic}`)) {
          d = pick;
          break;
        }
      }
      if (d === 0) d = r.pick(days);
    }
    let topic = e.topic;
    for (let k = 2; used.has(`${e.month}-${d}|${e.type}|${topic}`); k++) topic = `${e.topic}（${k}）`;
    used.add(`${e.month}-${d}|${e.type}|${topic}`);
    const date: CellDate | null = d === 0 ? null : { kind: "date", y: year, m: e.month, d };
    const past = date !== null && dayNumber(date) < asOfDay;
    let status: string = SCHEDULE_STATUS.planned;
    let note: string | null = null;
    if (past) {
      status = SCHEDULE_STATUS.done;
      if (e.optional && r.chance(0.06)) {
        status = r.chance(0.6) ? SCHEDULE_STATUS.cancelled : SCHEDULE_STATUS.postponed;
        note = status === SCHEDULE_STATUS.cancelled ? "因学校工作安排取消" : "因故延期，时间另定";
      }
    }
    const expected = e.expected;
    const attended = status === SCHEDULE_STATUS.done ? expected - r.int(0, Math.floor(expected / 5)) : null;
    rows.push({
      key: e.month * 100 + (d === 0 ? 99 : d),
      row: {
        month: e.month,
        date,
        type: e.type,
        topic,
        owner: e.owner,
        participants: e.participants,
        location: e.location,
        expected,
        attended,
        status,
        note,
      },
    });
  }
  // Stable: events of one day keep their plan order; undated ones come last in their month.
  return rows
    .map((x, i) => ({ ...x, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((x) => x.row);
}
