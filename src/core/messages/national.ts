import type { MessagePart } from "./part";

const s = (v: unknown): string => (v === null || v === undefined ? "" : String(v));

/**
 * The rules of the national 党员基本信息汇总表 columns (是否为失联党员 + 失去联系日期, 是否为流动党员 + 外出流向),
 * for MESSAGE_PARTS (src/core/messages/parts.ts).
 */
export const nationalMessages: MessagePart = {
  messages: {
    "zh-CN": {
      "roster.lost.date": (p) =>
        s(p["reason"]) === "missingDetail"
          ? "是否为失联党员为“是”，应填写失去联系日期"
          : `已填写失去联系日期，是否为失联党员应为“是”（现为${s(p["reason"]) === "answeredNo" ? "“否”" : "空"}）`,
      "roster.mobile.destination": (p) =>
        s(p["reason"]) === "missingDetail"
          ? "是否为流动党员为“是”，应填写外出流向"
          : `已填写外出流向，是否为流动党员应为“是”（现为${s(p["reason"]) === "answeredNo" ? "“否”" : "空"}）`,
    },
    en: {
      "roster.lost.date": (p) =>
        s(p["reason"]) === "missingDetail"
          ? "Marked as a member who lost contact: fill in the date contact was lost"
          : `A date contact was lost is filled in, so "Lost contact" should be Yes (it is ${s(p["reason"]) === "answeredNo" ? "No" : "empty"})`,
      "roster.mobile.destination": (p) =>
        s(p["reason"]) === "missingDetail"
          ? "Marked as a mobile member: fill in where the member went (destination)"
          : `A destination is filled in, so "Mobile member" should be Yes (it is ${s(p["reason"]) === "answeredNo" ? "No" : "empty"})`,
    },
  },
  titles: {
    "zh-CN": {
      "roster.lost.date": "失联党员与失去联系日期不符",
      "roster.mobile.destination": "流动党员与外出流向不符",
    },
    en: {
      "roster.lost.date": "Lost contact and its date disagree",
      "roster.mobile.destination": "Mobile member and destination disagree",
    },
  },
};
