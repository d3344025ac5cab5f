/**
 * The pane's connection to Excel: the only place besides the office.js loader that touches the `Excel` and
 * `Office` globals. Called once Office.onReady has reported a host.
 */
import type { ExcelHost, FixRecord, MarkRecord } from "./port";
import { createExcelAdapter } from "./excel-adapter";
import type { Lang } from "../../src/core/messages";

export function connectExcel(): ExcelHost {
  return createExcelAdapter({
    run: (batch) => Excel.run(batch),
    isSetSupported: (set, version) => Office.context.requirements.isSetSupported(set, version),
    createWorkbook: (base64) => Excel.createWorkbook(base64),
  });
}

/** Office's display language: English → "en", anything else → zh-CN. */
export function officeDisplayLang(): Lang {
  const language = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  return language && /^en/i.test(language) ? "en" : "zh-CN";
}

/** Where the last MarkRecord is kept so a reopened pane can still clear the marks it made. */
export interface MarkStore {
  load(): MarkRecord | null;
  save(record: MarkRecord | null): Promise<void>;
}

/** Where the last FixRecord is kept so a reopened pane can still undo the fixes it wrote. */
export interface FixStore {
  load(): FixRecord | null;
  save(record: FixRecord | null): Promise<void>;
}

const MARKS_KEY = "zhibu.marks";
const FIXES_KEY = "zhibu.fixes";

function hasCells(v: unknown): v is { cells: unknown[] } {
  return typeof v === "object" && v !== null && Array.isArray((v as { cells?: unknown }).cells);
}

/** A record kept as JSON under `key` in the document's own settings (saved with the workbook). */
function settingsStore<T>(
  key: string,
  valid: (v: unknown) => v is T,
): { load(): T | null; save(r: T | null): Promise<void> } {
  return {
    load() {
      const raw: unknown = Office.context.document.settings.get(key);
      if (typeof raw !== "string") return null;
      try {
        const parsed: unknown = JSON.parse(raw);
        return valid(parsed) ? parsed : null;
      } catch {
        return null;
      }
    },
    save(record) {
      const settings = Office.context.document.settings;
      if (record) settings.set(key, JSON.stringify(record));
      else settings.remove(key);
      return new Promise<void>((resolve, reject) => {
        settings.saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
          else reject(new Error(result.error?.message ?? "settings.saveAsync failed"));
        });
      });
    },
  };
}

/** The marks' record in the document's own settings. */
export function officeMarkStore(): MarkStore {
  return settingsStore(MARKS_KEY, (v): v is MarkRecord => hasCells(v));
}

function isFixRecord(v: unknown): v is FixRecord {
  if (!hasCells(v)) return false;
  const state = (s: unknown) =>
    typeof s === "object" &&
    s !== null &&
    ["string", "number", "boolean"].includes(typeof (s as { value?: unknown }).value) &&
    typeof (s as { numberFormat?: unknown }).numberFormat === "string";
  return v.cells.every((c) => {
    const cell = c as Partial<Record<"sheet" | "cell" | "before" | "after", unknown>>;
    return typeof cell.sheet === "string" && typeof cell.cell === "string" && state(cell.before) && state(cell.after);
  });
}

/** The fixes' undo record in the document's own settings. */
export function officeFixStore(): FixStore {
  return settingsStore(FIXES_KEY, isFixRecord);
}
