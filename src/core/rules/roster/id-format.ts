import type { RowRule } from "../types";
import { readId } from "./shared";
import { compactText } from "../../text";

/** `1.10105E+17`: an ID Excel turned into a number and shows in scientific notation, kept as text. */
const SCIENTIFIC = /^\d(?:\.\d+)?E\+?\d+$/i;

export const idFormat: RowRule = {
  id: "roster.id.format",
  severity: "error",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    const id = readId(row);
    if (id.numeric || !id.text || id.parsed) return;
    const params = { value: id.text, length: id.text.length };
    report.cell(row, "idNumber", SCIENTIFIC.test(compactText(id.text)) ? { ...params, scientific: true } : params);
  },
};
