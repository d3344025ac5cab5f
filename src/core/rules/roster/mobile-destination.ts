import type { RowRule } from "../types";
import { checkFlagDetail } from "./flag-detail";

/** 是否为流动党员 = 是 needs 外出流向, and a 外出流向 needs 是. */
export const mobileDestination: RowRule = {
  id: "roster.mobile.destination",
  severity: "warning",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    checkFlagDetail(row, "mobile", "destination", report);
  },
};
