/**
 * The pane's connection to Excel: the only place besides the office.js loader that touches the `Excel` and
 * `Office` globals. Called once Office.onReady has reported a host.
 */
import type { ExcelHost, MarkRecord } from "./port";
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

const MARKS_KEY = "zhibu.marks";

function isRecord(v: unknown): v is MarkRecord {
  return typeof v === "object" && v !== null && Array.isArray((v as { cells?: unknown }).cells);
}

/** The record in the document's own settings (saved with the workbook). */
export function officeMarkStore(): MarkStore {
  return {
    load() {
      const raw: unknown = Office.context.document.settings.get(MARKS_KEY);
      if (typeof raw !== "string") return null;
      try {
        const parsed: unknown = JSON.parse(raw);
        return isRecord(parsed) ? parsed : null;
      } catch {
        return null;
      }
    },
    save(record) {
      const settings = Office.context.document.settings;
      if (record) settings.set(MARKS_KEY, JSON.stringify(record));
      else settings.remove(MARKS_KEY);
      return new Promise<void>((resolve, reject) => {
        settings.saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
          else reject(new Error(result.error?.message ?? "settings.saveAsync failed"));
        });
      });
    },
  };
}
