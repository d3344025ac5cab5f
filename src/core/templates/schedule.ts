import type { TemplateDef } from "./types";

/** 活动类型 (SPEC §2.2). */
export const SCHEDULE_TYPE = {
  general: "支部党员大会",
  committee: "支部委员会",
  group: "党小组会",
  lecture: "党课",
  partyDay: "主题党日",
  life: "组织生活会",
  appraisal: "民主评议党员",
  study: "专题学习",
  other: "其他",
} as const;

export const SCHEDULE_TYPES: readonly string[] = Object.values(SCHEDULE_TYPE);

/** 状态 (SPEC §2.2); an empty cell means 计划. */
export const SCHEDULE_STATUS = {
  planned: "计划",
  done: "已完成",
  cancelled: "已取消",
  postponed: "延期",
} as const;

export const SCHEDULE_STATUSES: readonly string[] = Object.values(SCHEDULE_STATUS);

/** Meetings that need more than half of those expected to be present (SPEC §3 schedule.attendance.quorum). */
export const QUORUM_TYPES: readonly string[] = [SCHEDULE_TYPE.general, SCHEDULE_TYPE.committee];

/** A semester is 学期 (设置 学期划分): the autumn one may run into January of the next year. */
export type FrequencyPeriod = "month" | "quarter" | "semester" | "year";

export interface FrequencyRequirement {
  /** 活动类型. */
  readonly type: string;
  /** The 设置 key holding the required count (see src/core/settings.ts). */
  readonly setting: string;
  /** The period the count is per. */
  readonly per: FrequencyPeriod;
}

/** 三会一课 and the yearly meetings: how often each type must be held (SPEC §2.5, schedule.frequency). */
export const SCHEDULE_FREQUENCY: readonly FrequencyRequirement[] = [
  { type: SCHEDULE_TYPE.general, setting: "generalMeetingPerQuarter", per: "quarter" },
  { type: SCHEDULE_TYPE.general, setting: "generalMeetingPerSemester", per: "semester" },
  { type: SCHEDULE_TYPE.committee, setting: "committeePerMonth", per: "month" },
  { type: SCHEDULE_TYPE.group, setting: "groupMeetingPerMonth", per: "month" },
  { type: SCHEDULE_TYPE.lecture, setting: "lecturePerQuarter", per: "quarter" },
  { type: SCHEDULE_TYPE.lecture, setting: "lecturePerSemester", per: "semester" },
  { type: SCHEDULE_TYPE.partyDay, setting: "partyDayPerMonth", per: "month" },
  { type: SCHEDULE_TYPE.life, setting: "lifeMeetingPerYear", per: "year" },
  { type: SCHEDULE_TYPE.appraisal, setting: "appraisalPerYear", per: "year" },
];

export const schedule: TemplateDef = {
  id: "schedule",
  sheetName: "月度工作安排",
  title: "月度工作安排",
  description: "支部月度工作安排和“三会一课”等活动的计划与完成情况",
  recordFields: ["type", "topic"],
  fields: [
    {
      key: "month",
      header: "月份",
      aliases: ["月"],
      type: "month",
      required: true,
      width: 7,
      hint: "1–12，也可写“3月”“三月份”",
    },
    { key: "date", header: "日期", aliases: ["时间", "活动日期"], type: "date", width: 12 },
    {
      key: "type",
      header: "活动类型",
      aliases: ["类型", "会议类型", "类别"],
      type: "enum",
      required: true,
      values: SCHEDULE_TYPES,
      synonyms: {
        党员大会: SCHEDULE_TYPE.general,
        支部大会: SCHEDULE_TYPE.general,
        全体党员大会: SCHEDULE_TYPE.general,
        支委会: SCHEDULE_TYPE.committee,
        支委会议: SCHEDULE_TYPE.committee,
        支委扩大会: SCHEDULE_TYPE.committee,
        支委扩大会议: SCHEDULE_TYPE.committee,
        支部委员会会议: SCHEDULE_TYPE.committee,
        党小组会议: SCHEDULE_TYPE.group,
        党小组学习: SCHEDULE_TYPE.group,
        讲党课: SCHEDULE_TYPE.lecture,
        专题党课: SCHEDULE_TYPE.lecture,
        主题党日活动: SCHEDULE_TYPE.partyDay,
        党日活动: SCHEDULE_TYPE.partyDay,
        组织生活会议: SCHEDULE_TYPE.life,
        专题组织生活会: SCHEDULE_TYPE.life,
        民主生活会: SCHEDULE_TYPE.life,
        民主评议: SCHEDULE_TYPE.appraisal,
        评议党员: SCHEDULE_TYPE.appraisal,
        专题学习会: SCHEDULE_TYPE.study,
        集中学习: SCHEDULE_TYPE.study,
        理论学习: SCHEDULE_TYPE.study,
      },
      width: 13,
    },
    {
      key: "topic",
      header: "内容",
      aliases: ["主题", "工作内容", "活动内容", "议题"],
      type: "text",
      required: true,
      width: 30,
    },
    {
      key: "owner",
      header: "负责人",
      aliases: ["责任人", "负责部门", "组织者", "主持人"],
      type: "text",
      width: 10,
      hint: "支部、党小组或负责人姓名",
    },
    { key: "participants", header: "参加对象", aliases: ["参加人员"], type: "text", width: 12 },
    { key: "location", header: "地点", type: "text", width: 12 },
    { key: "expected", header: "应到人数", aliases: ["应到"], type: "integer", min: 0, width: 8 },
    { key: "attended", header: "实到人数", aliases: ["实到"], type: "integer", min: 0, width: 8 },
    {
      key: "status",
      header: "状态",
      aliases: ["完成情况"],
      type: "enum",
      values: SCHEDULE_STATUSES,
      synonyms: {
        计划中: SCHEDULE_STATUS.planned,
        未开始: SCHEDULE_STATUS.planned,
        待开展: SCHEDULE_STATUS.planned,
        完成: SCHEDULE_STATUS.done,
        已开展: SCHEDULE_STATUS.done,
        已召开: SCHEDULE_STATUS.done,
        取消: SCHEDULE_STATUS.cancelled,
        已延期: SCHEDULE_STATUS.postponed,
        推迟: SCHEDULE_STATUS.postponed,
        已推迟: SCHEDULE_STATUS.postponed,
      },
      defaultValue: SCHEDULE_STATUS.planned,
      width: 8,
    },
    { key: "note", header: "备注", type: "text", width: 16 },
  ],
};

/** Paragraphs for the 说明 sheet of generated workbooks (TEMPLATE_GUIDES in src/xlsx/write-template.ts). */
export const SCHEDULE_GUIDE: readonly string[] = [
  "月份可写 3、3月、三月或三月份；日期可写 2026-03-05、2026/3/5、2026.3.5 或 2026年3月5日，只定了月份的活动可以不填日期。日期应在所填月份内，并在计划年度内（设置中的“年度”，留空时按多数日期所在的年份）。",
  "活动类型请从下拉列表选择；“党员大会”“支委会”“主题党日活动”等常见写法也能识别。",
  "状态为计划、已完成、已取消或延期，留空视为计划。活动日期已过（只填月份的，该月已结束）而状态仍为计划，会提示及时更新；已完成的活动请填写实到人数，实到不能多于应到。",
  "到会人数：支部党员大会和支部委员会应有半数以上的应到人员到会；到会率低于设置中的“到会率预警线”（默认 80%）会提示。",
  "“三会一课”等活动次数（可在设置中修改）：支部党员大会每季度 1 次，支部委员会、党小组会、主题党日每月各 1 次，党课每季度 1 次，组织生活会、民主评议党员每年各 1 次。已结束的月份、季度、年度次数不足会提示；已取消的活动不计入，延期的计入。",
];
