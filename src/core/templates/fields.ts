import type { FieldDef, TemplateDef } from "./types";

/** The header of an item column: `师德师风(20)`. */
export function itemHeader(name: string, max: number): string {
  return `${name}(${max})`;
}

/**
 * The columns of a generated sheet: the template's fields with its default item columns (if any) inserted
 * after `itemColumns.after`, each a number field from 0 to the item's maximum.
 */
export function sheetFields(template: TemplateDef): FieldDef[] {
  const items = template.itemColumns;
  const fields = template.fields.filter((f) => !f.readOnly);
  if (!items) return fields;
  const itemDefs: FieldDef[] = items.defaults.map(([name, max]) => ({
    key: `item:${name}`,
    header: itemHeader(name, max),
    type: "number",
    min: 0,
    max,
    width: Math.max(8, name.length * 2 + 4),
    item: { name, max },
  }));
  const at = fields.findIndex((f) => f.key === items.after) + 1;
  return [...fields.slice(0, at), ...itemDefs, ...fields.slice(at)];
}
