import type { RowRule } from "../types";
import { checkFlagDetail } from "./flag-detail";

/** 是否为失联党员 = 是 needs 失去联系日期, and a 失去联系日期 needs 是. */
export const lostDate: RowRule = {
  id: "roster.lost.date",
  severity: "warning",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    checkFlagDetail(row, "lost", "lostDate", report);
  },
};
