import type { Lang } from "./types";
import { type Settings, SETTING_DEFS } from "../settings";
import { settingLabel, settingValueText } from "./settings-text";

/** What was read from 设置: `已读取：统计截止日期 2026-11-21、年度 2026 等 5 项` (its own values, not the defaults). */
export function settingsReadText(settings: Settings, lang: Lang, listed = 3): string {
  const given = SETTING_DEFS.filter((d) => settings.given.has(d.key));
  if (given.length === 0)
    return lang === "zh-CN" ? "已读取，未填写任何项目，均按默认值" : "read; no item filled, defaults apply";
  const items = given
    .slice(0, listed)
    .map((d) => `${settingLabel(d, lang)} ${settingValueText(d, settings.values[d.key] ?? null, lang)}`);
  if (lang === "zh-CN") return `已读取：${items.join("、")}${given.length > listed ? ` 等 ${given.length} 项` : ""}`;
  return `read: ${given.length} item${given.length === 1 ? "" : "s"} (${items.join(", ")}${given.length > listed ? ", …" : ""})`;
}
