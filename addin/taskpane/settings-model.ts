/**
 * The 设置 area's form: every item of SETTING_DEFS, its current value as the engine read it, the user's edits
 * checked with the engine's own parsing, and the edits applied to a workbook snapshot (standalone) or turned into
 * the 值 cells they change (Excel).
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/types";
import type { ValidationResult } from "../../src/core/engine";
import {
  SETTINGS_SHEET,
  SETTING_DEFS,
  type SettingDef,
  type SettingValue,
  describeDefault,
  isSettingsSheet,
  parseSettingValue,
} from "../../src/core/settings";
import { cellAddress } from "../../src/core/address";
import { formatDate } from "../../src/core/dates";
import { isCellDate } from "../../src/core/coerce";
import { headerText } from "../../src/core/header";
import { normalizeHeader } from "../../src/core/text";
import type { Lang } from "../../src/core/messages";
import { settingDefaultText, settingValueText } from "../../src/core/messages/settings-text";

/** The user's typed values by setting key; "" clears an item (back to its default). */
export type SettingEdits = Readonly<Record<string, string>>;

export interface SettingField {
  readonly def: SettingDef;
  /** The value in force, as text ("" when it is the default). */
  readonly current: string;
  /** True when the value came from the workbook's 设置 sheet. */
  readonly given: boolean;
  readonly defaultText: string;
}

/** A setting value as the user would type it: dates yyyy-mm-dd, percentages as 80%. */
export function settingText(def: SettingDef, v: SettingValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (isCellDate(v)) return formatDate(v);
  if (def.type === "percent" && typeof v === "number") return `${Math.round(v * 10000) / 100}%`;
  return String(v);
}

/** The form's fields; values and defaults as the user would type them in `lang` (both read back the same). */
export function settingFields(result: ValidationResult | null, lang: Lang = "zh-CN"): SettingField[] {
  return SETTING_DEFS.map((def) => {
    const given = result?.settings.given.has(def.key) ?? false;
    return {
      def,
      current: given ? settingValueText(def, result?.settings.values[def.key], lang) : "",
      given,
      defaultText: lang === "zh-CN" ? describeDefault(def) : settingDefaultText(def, lang),
    };
  });
}

/** Why a typed value is not accepted (null when it is fine; "" is always fine: it means the default). */
export function settingProblem(def: SettingDef, typed: string): "invalid" | null {
  const t = typed.trim();
  if (t === "" || def.type === "text") return null;
  const parsed = parseSettingValue(def, t);
  return parsed === undefined || parsed === null ? "invalid" : null;
}

/** The edits that differ from the current values and parse; invalid ones are left out. */
export function effectiveEdits(fields: readonly SettingField[], edits: SettingEdits): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const typed = edits[f.def.key];
    if (typed === undefined || typed.trim() === f.current.trim()) continue;
    if (settingProblem(f.def, typed) === null) out[f.def.key] = typed.trim();
  }
  return out;
}

/** The value written into a 值 cell for a typed value: numbers as numbers, dates and text as text. */
export function cellValueFor(def: SettingDef, typed: string): string | number {
  const t = typed.trim();
  if (t === "") return "";
  const parsed = parseSettingValue(def, t);
  if (parsed === undefined || parsed === null) return t;
  if (isCellDate(parsed)) return formatDate(parsed);
  return parsed;
}

const byLabel = new Map(SETTING_DEFS.map((d) => [normalizeHeader(d.label), d]));

/** Where the 值 of each item is on a 设置 sheet (row index in `values`, column index), by key. */
function valueCells(sheet: SheetSnapshot): Map<string, { r: number; c: number }> {
  const out = new Map<string, { r: number; c: number }>();
  sheet.values.forEach((cells, r) => {
    const labelIndex = cells.findIndex((c) => headerText(c).trim() !== "");
    if (labelIndex < 0) return;
    const def = byLabel.get(normalizeHeader(headerText(cells[labelIndex])));
    if (def && !out.has(def.key)) out.set(def.key, { r, c: labelIndex + 1 });
  });
  return out;
}

export interface SettingCellChange {
  readonly key: string;
  readonly label: string;
  /** e.g. 设置!B3, or null when the item is not on the sheet yet (a new row is added). */
  readonly cell: string | null;
  readonly before: string;
  readonly after: string;
}

/** The 值 cells that writing `edits` changes, for saying beforehand what will be written. */
export function settingCellChanges(
  snapshot: WorkbookSnapshot | null,
  fields: readonly SettingField[],
  edits: Readonly<Record<string, string>>,
): SettingCellChange[] {
  const sheet = snapshot?.sheets.find((s) => isSettingsSheet(s.name));
  const cells = sheet ? valueCells(sheet) : new Map<string, { r: number; c: number }>();
  const out: SettingCellChange[] = [];
  for (const f of fields) {
    const after = edits[f.def.key];
    if (after === undefined) continue;
    const at = cells.get(f.def.key);
    const cell =
      sheet && at ? `${sheet.name}!${cellAddress((sheet.originRow ?? 1) + at.r, (sheet.originCol ?? 1) + at.c)}` : null;
    out.push({ key: f.def.key, label: f.def.label, cell, before: f.current, after });
  }
  return out;
}

/**
 * The snapshot with `edits` written into its 设置 sheet, as if the user had typed them there: an item's 值 cell
 * is replaced in place, a missing item gets a new row, a missing sheet is added. The input is not modified.
 */
export function applySettingEdits(
  snapshot: WorkbookSnapshot,
  edits: Readonly<Record<string, string>>,
): WorkbookSnapshot {
  const keys = Object.keys(edits);
  if (keys.length === 0) return snapshot;
  const index = snapshot.sheets.findIndex((s) => isSettingsSheet(s.name));
  const sheet: SheetSnapshot =
    index >= 0 ? snapshot.sheets[index]! : { name: SETTINGS_SHEET, values: [["项目", "值"]] };
  const values: CellValue[][] = sheet.values.map((row) => [...row]);
  const cells = valueCells(sheet);
  for (const def of SETTING_DEFS) {
    const typed = edits[def.key];
    if (typed === undefined) continue;
    const value = cellValueFor(def, typed);
    const at = cells.get(def.key);
    if (at) {
      const row = values[at.r]!;
      while (row.length <= at.c) row.push(null);
      row[at.c] = value === "" ? null : value;
    } else if (value !== "") {
      values.push([def.label, value]);
    }
  }
  const edited: SheetSnapshot = { ...sheet, values };
  const sheets = [...snapshot.sheets];
  if (index >= 0) sheets[index] = edited;
  else sheets.push(edited);
  return { ...snapshot, sheets };
}
