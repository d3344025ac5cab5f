/** Reading what to validate from Excel through the host port (no Office.js here: only the port). */
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/types";
import { SETTINGS_SHEET, isSettingsSheet } from "../../src/core/settings";
import type { ExcelHost } from "../office/port";

/** Validate the active sheet only, or every sheet of the workbook. */
export type Scope = "active" | "workbook";

export interface HostRead {
  readonly snapshot: WorkbookSnapshot;
  /** The active sheet, when the scope is "active". */
  readonly sheet: string | null;
}

/**
 * The active sheet, with the 设置 sheet beside it so its values apply (read by name, no whole-workbook read);
 * or the whole workbook.
 */
export async function readFromHost(host: ExcelHost, scope: Scope): Promise<HostRead> {
  if (scope === "workbook") return { snapshot: await host.readWorkbook(), sheet: null };
  // One batch for both, so the read stays within the sync budget; no 设置 sheet is normal (defaults apply).
  const { sheet, beside } = await host.readActiveSheet([SETTINGS_SHEET]);
  const sheets = isSettingsSheet(sheet.name) ? [sheet] : [...beside, sheet];
  return { snapshot: { name: sheet.name, sheets }, sheet: sheet.name };
}

/** Office.js reports a missing sheet with code "ItemNotFound". */
export function isNotFound(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "ItemNotFound";
}

/**
 * The snapshot with the edited sheets read again; edits elsewhere are ignored when only the active sheet is
 * validated (except 设置, whose values apply to it).
 */
export async function mergeSheets(
  host: ExcelHost,
  snapshot: WorkbookSnapshot,
  changed: readonly string[],
  source: { readonly scope: Scope; readonly sheet: string | null },
): Promise<WorkbookSnapshot> {
  const wanted = [...new Set(changed)].filter(
    (name) => source.scope === "workbook" || name === source.sheet || isSettingsSheet(name),
  );
  const sheets = [...snapshot.sheets];
  for (const name of wanted) {
    let fresh: SheetSnapshot;
    try {
      fresh = await host.readSheet(name);
    } catch (e) {
      // A sheet deleted since: drop it from the snapshot.
      if (!isNotFound(e)) throw e;
      const i = sheets.findIndex((s) => s.name === name);
      if (i >= 0) sheets.splice(i, 1);
      continue;
    }
    const i = sheets.findIndex((s) => s.name === name);
    if (i >= 0) sheets[i] = fresh;
    else sheets.push(fresh);
  }
  return { ...snapshot, sheets };
}

/** Calls `fire` once `ms` after the last `push`, with every sheet name pushed since the previous call. */
export function debounceSheets(
  fire: (sheets: string[]) => void,
  ms = 800,
): {
  push(sheets: readonly string[]): void;
  stop(): void;
} {
  let pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    push(sheets) {
      for (const s of sheets) pending.add(s);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const names = [...pending];
        pending = new Set();
        fire(names);
      }, ms);
    },
    stop() {
      clearTimeout(timer);
      pending = new Set();
    },
  };
}
