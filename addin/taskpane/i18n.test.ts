import { LANG_SWITCH, TEXT, type PaneText } from "./i18n";
import { TEMPLATES } from "../../src/core/templates";
import { SETTING_DEFS } from "../../src/core/settings";

/** Every key path of a text tree, with functions marked by their arity. */
function shape(value: unknown, at = ""): string[] {
  if (typeof value === "function") return [`${at}()${value.length}`];
  if (typeof value === "object" && value !== null) {
    return Object.keys(value)
      .sort()
      .flatMap((k) => shape((value as Record<string, unknown>)[k], `${at}.${k}`));
  }
  return [at];
}

/** Every string the tree yields, calling functions with sample arguments. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "function") {
    const args = ["甲", 2, 3, 4].slice(0, value.length);
    return strings((value as (...a: unknown[]) => unknown)(...args));
  }
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

describe("pane texts", () => {
  it("has the same keys (and function arities) in Chinese and English", () => {
    expect(shape(TEXT.en)).toEqual(shape(TEXT["zh-CN"]));
  });

  it("has no empty text in either language", () => {
    for (const lang of ["zh-CN", "en"] as const) {
      const all = strings(TEXT[lang]);
      expect(all.length).toBeGreaterThan(100);
      expect(all.filter((s) => s.trim() === "")).toEqual([]);
    }
  });

  it("names every template in both languages", () => {
    const ids = TEMPLATES.map((t) => t.id).sort();
    for (const t of Object.values(TEXT) as PaneText[]) expect(Object.keys(t.templates.names).sort()).toEqual(ids);
    expect(SETTING_DEFS.length).toBeGreaterThan(0);
  });

  it("has no Han character anywhere in English, whatever the arguments", () => {
    const kinds = ["empty", "xls", "encrypted", "not-workbook", "word", "powerpoint", "pdf", "image", "archive"];
    const more = ["corrupt", "no-sheets", "unreadable", "library"];
    const texts: string[] = [];
    const walk = (value: unknown, at: string): void => {
      if (typeof value === "string") texts.push(`${at}: ${value}`);
      else if (typeof value === "function") {
        const f = value as (...a: unknown[]) => unknown;
        for (const args of [
          ["x", 2, 3, 4],
          [
            {
              error: 1,
              warning: 2,
              info: 0,
              headerRow: 3,
              headerRows: [2, 3],
              skippedRows: [{ row: 9, kind: "total" }],
            },
            0,
            1,
            1,
          ],
          ...[...kinds, ...more].map((k) => [k, "file.xlsx"]),
        ])
          walk(f(...args.slice(0, Math.max(f.length, 1))), at);
      } else if (typeof value === "object" && value !== null)
        for (const [k, v] of Object.entries(value)) walk(v, `${at}.${k}`);
    };
    walk(TEXT.en, "en");
    expect(texts.length).toBeGreaterThan(150);
    expect(texts.filter((t) => /\p{Script=Han}/u.test(t))).toEqual([]);
    expect(texts.filter((t) => t.replace(/^[^:]*: /, "").trim() === "")).toEqual([]);
    expect(texts.filter((t) => t.startsWith("en.readFailure")).length).toBeGreaterThanOrEqual(
      kinds.length + more.length,
    );
  });

  it("names each language in its own words on the switch", () => {
    expect(LANG_SWITCH["zh-CN"].label).toBe("中文");
    expect(LANG_SWITCH.en.label).toBe("English");
  });
});
