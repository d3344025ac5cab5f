import { TEMPLATES } from "../templates";

/** The canonical header of a field key, for messages about a column the sheet does not name itself. */
export function templateFieldHeader(key: string | null): string {
  if (!key) return "";
  for (const t of TEMPLATES) {
    const f = t.fields.find((x) => x.key === key);
    if (f) return f.header;
  }
  return key;
}
