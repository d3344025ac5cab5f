/**
 * English mode: every entry of the English catalogs (rule messages and titles, the templates' vocabulary, field
 * names, 设置 items, summary labels) is non-empty and free of Han characters, and what the engine says about the
 * sample workbooks in English (messages, summary tables, the year paragraph) holds Han only where it quotes the
 * workbook itself.
 */
import path from "node:path";
import { readFile } from "node:fs/promises";
import type { MessageParams } from "../../src/core/messages/types";
import { CATALOGS, formatIssue } from "../../src/core/messages";
import { RULE_TITLES } from "../../src/core/messages/titles";
import { FIX_TITLE_IDS, fixTitle } from "../../src/core/messages/fix-titles";
import { fieldName, templateFieldKeys, templateTitle, termText, termValue } from "../../src/core/messages/vocab";
import {
  semestersText,
  settingDefaultText,
  settingLabel,
  settingNote,
  settingValueText,
} from "../../src/core/messages/settings-text";
import { settingsReadText } from "../../src/core/messages/settings-read";
import { skippedText } from "../../src/core/messages/skipped";
import { DEFAULT_SEMESTERS, SETTING_DEFS, parseSettingValue } from "../../src/core/settings";
import { TEMPLATES } from "../../src/core/templates";
import { validateWorkbook } from "../../src/core/engine";
import { summaryOf, summaryParagraph } from "../../src/core/summary/sections";
import { formatTableCell } from "../../src/core/summary/table";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import type { WorkbookSnapshot } from "../../src/core/types";
import { HAN, hanLines, snapshotTexts } from "../helpers/user-data";

const SAMPLES = path.resolve(__dirname, "../fixtures/samples");
const AS_OF = { kind: "date", y: 2026, m: 11, d: 21 } as const;

/** Params where every key reads `value`, except the given ones. */
function params(value: string | number, over: Record<string, string | number> = {}): MessageParams {
  return new Proxy({ ...over } as MessageParams, {
    get: (target, key) => (typeof key === "string" && key in target ? target[key] : value),
  });
}

const PARAM_SETS: MessageParams[] = [
  params("x"),
  params(3),
  params(""),
  ...["future", "invalid", "missingDetail", "answeredNo", "notAnswered", "fullWithoutFullDate"].map((reason) =>
    params("x", { reason }),
  ),
  params(1, { scientific: "", max: "", actual: 0, allowedCount: 56 }),
  ...["2026-03", "2026-Q2", "2026-S1", "2026"].map((period) => params(2, { period })),
];

function expectEnglish(label: string, text: string): void {
  expect({ label, text, empty: text.trim() === "", han: HAN.test(text) }).toEqual({
    label,
    text,
    empty: false,
    han: false,
  });
}

describe("English catalogs hold no Han character", () => {
  test("every rule message, with any params", () => {
    const ids = Object.keys(CATALOGS.en);
    expect(ids.sort()).toEqual(Object.keys(CATALOGS["zh-CN"]).sort());
    for (const id of ids) for (const p of PARAM_SETS) expectEnglish(id, CATALOGS.en[id]!(p));
  });

  test("every rule title and fix title", () => {
    for (const [id, title] of Object.entries(RULE_TITLES.en)) expectEnglish(id, title);
    for (const id of FIX_TITLE_IDS.en) expectEnglish(id, fixTitle(id, "en"));
  });

  test("every list value, synonym target, field and template of the templates", () => {
    for (const t of TEMPLATES) {
      expectEnglish(t.id, templateTitle(t.id, "en"));
      for (const f of t.fields) {
        for (const v of [...(f.values ?? []), ...Object.values(f.synonyms ?? {})]) {
          expectEnglish(`${f.key}=${v}`, termText(v, "en"));
          expectEnglish(`${f.key}=${v} (many)`, termText(v, "en", true));
          expectEnglish(`${f.key}=${v} (value)`, termValue(v, "en"));
        }
      }
    }
    for (const key of templateFieldKeys()) expectEnglish(key, fieldName(key, "en"));
    expect(fieldName("item:师德师风", "en")).toBe("师德师风");
    // Chinese is left as it is.
    expect(termText("正式党员", "zh-CN", true)).toBe("正式党员");
    expect(fieldName("idNumber", "zh-CN")).toBe("身份证号");
  });

  test("every 设置 item: name, note and default; values typed in English read back the same", () => {
    for (const def of SETTING_DEFS) {
      expectEnglish(`${def.key} label`, settingLabel(def, "en"));
      expectEnglish(`${def.key} note`, settingNote(def, "en"));
      const fallback = settingDefaultText(def, "en");
      if (def.defaultValue !== "") expectEnglish(`${def.key} default`, fallback);
    }
    const semesters = SETTING_DEFS.find((d) => d.key === "semesters")!;
    for (const value of [DEFAULT_SEMESTERS, "3—7月，9月—次年1月", "2—7月，8月—12月"]) {
      const english = settingValueText(semesters, value, "en");
      expectEnglish(value, english);
      expect(parseSettingValue(semesters, english)).toBe(value);
    }
    expect(semestersText("2—7月，8月—次年1月", "en")).toBe("2–7, 8–1");
  });

  test("sheet notes and what was read from 设置", () => {
    const rows = (["note", "total", "footer", "section"] as const).map((kind, i) => ({ row: 10 + i * 2, kind }));
    expectEnglish("skipped", skippedText(rows, "en"));
    const typed = (type: string): string | number =>
      ({ date: "2026-11-21", semesters: "3-7,9-1", year: 2026, percent: "50%" })[type] ?? 2;
    const full = validateWorkbook({
      name: "settings.xlsx",
      sheets: [
        {
          name: "设置",
          values: [
            ["项目", "值"],
            ...SETTING_DEFS.filter((d) => d.type !== "text").map((d) => [d.label, typed(d.type)]),
          ],
        },
      ],
    });
    expect(full.settings.given.size).toBe(SETTING_DEFS.length - 1);
    expectEnglish("settings read", settingsReadText(full.settings, "en", 100));
  });
});

async function snapshotOf(sample: string): Promise<WorkbookSnapshot> {
  return (await readWorkbookBuffer(await readFile(path.join(SAMPLES, sample)), sample)).snapshot;
}

/** The roster and the schedule in one workbook, so the year paragraph has its meeting sentence. */
async function combined(): Promise<WorkbookSnapshot> {
  const roster = await snapshotOf("roster-messy.xlsx");
  const schedule = await snapshotOf("schedule.xlsx");
  const evaluation = await snapshotOf("evaluation.xlsx");
  const ballot = await snapshotOf("ballot.xlsx");
  const names = new Set(roster.sheets.map((s) => s.name));
  const more = [...schedule.sheets, ...evaluation.sheets, ...ballot.sheets].filter((s) => !names.has(s.name));
  return { ...roster, sheets: [...roster.sheets, ...more] };
}

describe.each(["roster-messy.xlsx", "roster-clean.xlsx", "schedule.xlsx", "evaluation.xlsx", "ballot.xlsx", "all"])(
  "in English, %s",
  (sample) => {
    let snapshot: WorkbookSnapshot;
    beforeAll(async () => {
      snapshot = sample === "all" ? await combined() : await snapshotOf(sample);
    });
    const own = () => snapshotTexts(snapshot, [sample]);

    test("messages quote only the workbook's own texts in Chinese", () => {
      const result = validateWorkbook(snapshot, { asOf: AS_OF });
      const text = result.issues.map((i) => formatIssue(i, "en")).join("\n");
      expect(hanLines(text, own())).toEqual([]);
    });

    test("summary tables and the year paragraph: labels in English, the same tables as in Chinese", () => {
      const result = validateWorkbook(snapshot, { asOf: AS_OF });
      const en = summaryOf(result, true, "en");
      const zh = summaryOf(result, true);
      expect(en.sections.length).toBeGreaterThan(0);
      expect(en.sections.map((s) => s.tables.map((t) => [t.columns.length, t.rows.length]))).toEqual(
        zh.sections.map((s) => s.tables.map((t) => [t.columns.length, t.rows.length])),
      );
      const lines = en.sections.flatMap((s) => [
        s.heading,
        ...s.tables.flatMap((t) => [
          t.title,
          t.columns.join(" | "),
          ...t.rows.map((r) => r.map((v, i) => formatTableCell(v, t.percentColumns?.includes(i) ?? false)).join(" | ")),
          t.footnote ?? "",
          ...(t.rowNotes ?? []),
        ]),
      ]);
      const paragraph = summaryParagraph(result, zh.summary, "en");
      if (sample.startsWith("roster") || sample === "all") expect(paragraph).toMatch(/^As of 21 November 2026, /);
      if (sample === "all") expect(paragraph).toMatch(/In 2026 it held \d+ general meetings? of members, /);
      expect(hanLines([...lines, paragraph ?? ""].join("\n"), own())).toEqual([]);
    });
  },
);
