/** Shared set-up of the in-place feature tests: fakes from fresh workbooks or sample files, adapters over them. */
import path from "node:path";
import { createExcelAdapter, type ExcelAdapterOptions } from "../../addin/office/excel-adapter";
import type { ExcelHost } from "../../addin/office/port";
import { FakeExcel, type GridValue, newGridSheet } from "../fakes/excel-fake";

export const SAMPLES = path.join(__dirname, "..", "fixtures", "samples");
export const BRANCH = "第十一中学党支部";

/** A fresh workbook as Excel makes one: a single empty Sheet1. */
export function freshFake(apiVersion = "1.20"): FakeExcel {
  const fake = new FakeExcel({ name: "工作簿1.xlsx", sheets: [newGridSheet("Sheet1")] });
  fake.apiVersion = apiVersion;
  return fake;
}

export function adapterOver(fake: FakeExcel, extra: Partial<ExcelAdapterOptions> = {}): ExcelHost {
  return createExcelAdapter({ run: fake.run, isSetSupported: fake.isSetSupported, ...extra });
}

/** Row index (0-based) of the first row whose first cell is `text`. */
export function rowOf(values: readonly GridValue[][], text: string, from = 0): number {
  for (let r = from; r < values.length; r++) if (values[r]?.[0] === text) return r;
  return -1;
}
