import type { RowRule } from "../types";
import { F } from "./shared";
import { compactText } from "../../text";

const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}\d{7,8}$/;

export function isValidPhone(text: string): boolean {
  if (MOBILE.test(text)) return true;
  const t = compactText(text);
  if (MOBILE.test(t.replace(/[-\s]/g, ""))) return true;
  const digits = t.replace(/^\((0\d{2,3})\)/, "$1").replace(/[-\s]/g, "");
  return LANDLINE.test(digits);
}

export const phoneFormat: RowRule = {
  id: "roster.phone.format",
  severity: "warning",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    const phone = row.text(F.phone);
    if (phone && !isValidPhone(phone)) report.cell(row, "phone", { value: phone });
  },
};
