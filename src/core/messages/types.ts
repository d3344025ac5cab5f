import type { IssueParams } from "../types";

export type Lang = "zh-CN" | "en";

/** Params with the column's header (as `header`) always present. */
export type MessageParams = IssueParams & { readonly header: string };

export type Catalog = Readonly<Record<string, (p: MessageParams) => string>>;
