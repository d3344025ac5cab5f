import type { Lang } from "./types";
import { ruleTitle } from "./titles";

/** Names of the fixes that resolve no rule's issue (`fix.*`). */
const FIX_TITLES: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  "zh-CN": {
    "fix.text-date": "文本日期改为日期",
    "fix.text-number": "文本数字改为数字",
    "fix.from-id": "按身份证号补填",
  },
  en: {
    "fix.text-date": "Text date made a date",
    "fix.text-number": "Text number made a number",
    "fix.from-id": "Filled in from the ID number",
  },
};

/** The short name of what a fix resolves: its rule's title, or the fix kind's own. */
export function fixTitle(rule: string, lang: Lang): string {
  return FIX_TITLES[lang][rule] ?? ruleTitle(rule, lang);
}

export const FIX_TITLE_IDS: Readonly<Record<Lang, readonly string[]>> = {
  "zh-CN": Object.keys(FIX_TITLES["zh-CN"]),
  en: Object.keys(FIX_TITLES.en),
};
