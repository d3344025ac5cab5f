import type { Issue } from "../types";
import type { Catalog, Lang, MessageParams } from "./types";
import { zhCN } from "./zh-CN";
import { en } from "./en";
import { fieldName } from "./vocab";
import { MESSAGE_PARTS } from "./parts";

function compose(lang: Lang, base: Catalog): Catalog {
  return Object.assign({}, base, ...MESSAGE_PARTS.map((p) => p.messages[lang])) as Catalog;
}

export const CATALOGS: Readonly<Record<Lang, Catalog>> = { "zh-CN": compose("zh-CN", zhCN), en: compose("en", en) };

export type { Lang } from "./types";

/** The issue's message in `lang`; an unknown rule id falls back to the id itself. */
export function formatIssue(issue: Issue, lang: Lang = "zh-CN"): string {
  const make = CATALOGS[lang][issue.rule] ?? CATALOGS["zh-CN"][issue.rule];
  const header = typeof issue.params["header"] === "string" ? issue.params["header"] : fieldName(issue.field, lang);
  const params: MessageParams = { field: issue.field, ...issue.params, header };
  return make ? make(params) : issue.rule;
}

export function parseLang(text: string | undefined): Lang {
  return text && /^en/i.test(text) ? "en" : "zh-CN";
}
