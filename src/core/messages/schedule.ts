import type { MessagePart } from "./part";
import { scheduleZhCN } from "./schedule.zh-CN";
import { scheduleEn } from "./schedule.en";
import { SCHEDULE_RULE_TITLES } from "./schedule.titles";

/** The schedule rules' messages and short titles, for MESSAGE_PARTS (src/core/messages/parts.ts). */
export const scheduleMessages: MessagePart = {
  messages: { "zh-CN": scheduleZhCN, en: scheduleEn },
  titles: SCHEDULE_RULE_TITLES,
};
