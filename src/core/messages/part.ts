import type { Catalog, Lang } from "./types";

/** One template's messages and short rule titles in every language; the catalogs are composed from parts. */
export interface MessagePart {
  readonly messages: Readonly<Record<Lang, Catalog>>;
  readonly titles: Readonly<Record<Lang, Readonly<Record<string, string>>>>;
}
