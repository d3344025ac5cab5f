/**
 * Writing 值 of the 设置 sheet (SPEC §2.5, §6 设置): rows found by their 项目 are updated in place, missing ones
 * appended; a workbook without 设置 gets the whole sheet (项目 | 值 | 说明, every default, the given values).
 *
 * Syncs: 1 to find the sheet, 1 to read its cells when it exists, 1 write.
 */
import { SETTING_DEFS, SETTINGS_SHEET, type SettingDef, type SettingValue } from "../../src/core/settings";
import { settingCell, settingsPlan } from "../../src/core/templates/sheet-plan";
import { normalizeHeader } from "../../src/core/text";
import { headerText } from "../../src/core/header";
import { cellAddress } from "../../src/core/address";
import { type PlanFeatures, queueSettingsSheet } from "./plan-writer";
import { officeCell, syncQuietly } from "./office-values";
import { parseRangeAddress } from "./cells";

/** The setting a key names: its 项目 label (支部名称) or its key (branchName). */
export function settingFor(key: string): SettingDef {
  const norm = normalizeHeader(key);
  const def = SETTING_DEFS.find((d) => d.key === key || normalizeHeader(d.label) === norm);
  if (!def) throw new Error(`设置中没有“${key}”这一项（unknown setting）`);
  return def;
}

/** A given value as the 值 cell holds it: numbers through the settings' own format, text as typed. */
function valueCell(def: SettingDef, value: string | number): { value: string | number | boolean; format?: string } {
  if (typeof value === "number") {
    const cell = settingCell(def, value as SettingValue);
    return {
      value: officeCell(cell.value, cell.numberFormat === "@"),
      ...(cell.numberFormat ? { format: cell.numberFormat } : {}),
    };
  }
  if (def.type === "text") return { value, format: "@" };
  return { value: value === "" ? "" : value };
}

export async function writeSettings(
  context: Excel.RequestContext,
  events: boolean,
  features: PlanFeatures,
  values: Readonly<Record<string, string | number>>,
): Promise<void> {
  const given = Object.entries(values).map(([key, value]) => ({ def: settingFor(key), value }));
  const worksheets = context.workbook.worksheets;
  const sheet = worksheets.getItemOrNullObject(SETTINGS_SHEET);
  await context.sync();

  if (sheet.isNullObject) {
    const byKey: Record<string, SettingValue> = {};
    for (const g of given) byKey[g.def.key] = g.value;
    await syncQuietly(context, events, () =>
      queueSettingsSheet(worksheets.add(SETTINGS_SHEET), settingsPlan(byKey), features),
    );
    return;
  }

  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("values, address");
  await context.sync();
  const corner = used.isNullObject ? null : parseRangeAddress(used.address);
  const top = corner?.top ?? 1;
  const left = corner?.left ?? 1;
  const cells: unknown[][] = used.isNullObject ? [] : used.values;

  // Where each 项目 sits: its row and the column of its label (the value is the cell to its right).
  const found = new Map<string, { row: number; col: number }>();
  cells.forEach((row, r) => {
    const c = row.findIndex((v) => headerText(v as never).trim() !== "");
    if (c < 0) return;
    const label = normalizeHeader(headerText(row[c] as never));
    const def = SETTING_DEFS.find((d) => normalizeHeader(d.label) === label);
    if (def && !found.has(def.key)) found.set(def.key, { row: top + r, col: left + c });
  });
  let next = Math.max(top + cells.length, 2);

  await syncQuietly(context, events, () => {
    for (const { def, value } of given) {
      const cell = valueCell(def, value);
      const at = found.get(def.key);
      if (at) {
        const range = sheet.getRange(cellAddress(at.row, at.col + 1));
        if (cell.format) range.numberFormat = [[cell.format]];
        range.values = [[cell.value]];
        continue;
      }
      const row = sheet.getRange(`A${next}:C${next}`);
      row.numberFormat = [["General", cell.format ?? "General", "General"]];
      row.values = [[def.label, cell.value, def.note]];
      found.set(def.key, { row: next, col: 1 });
      next++;
    }
  });
}
