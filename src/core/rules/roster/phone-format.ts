import type { RowRule } from "../types";
import { F } from "./shared";
import { compactText } from "../../text";

const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}\d{7,8}$/;

/** 1[3-9] and nine digits, as typed in almost every row: MOBILE without its regular expression. */
function isPlainMobile(text: string): boolean {
  if (text.length !== 11 || text.charCodeAt(0) !== 49) return false;
  const second = text.charCodeAt(1);
  if (second < 51 || second > 57) return false;
  for (let i = 2; i < 11; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function isValidPhone(text: string): boolean {
  if (isPlainMobile(text) || MOBILE.test(text)) return true;
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
    const landline = row.text(F.landline);
    if (landline && !isValidPhone(landline)) report.cell(row, "landline", { value: landline });
  },
};
