/** A generated roster workbook on disk (template writer + sample rows), with some rows made invalid. */
import path from "node:path";
import type { CellValue } from "../../src/core/types";
import { sampleRows } from "../../src/core/samples/index";
import { roster } from "../../src/core/templates/roster";
import { buildTemplateWorkbook } from "../../src/xlsx/write-template";
import { AS_OF } from "../helpers/build";

/** Writes `n` roster rows; every `badEvery`-th row gets a malformed phone number (one issue cell each). */
export async function writeRoster(dir: string, n: number, badEvery: number): Promise<string> {
  const rows: Record<string, CellValue>[] = sampleRows("roster", n, { seed: 7, asOf: AS_OF });
  rows.forEach((r, i) => {
    if (badEvery > 0 && i % badEvery === 0) r["phone"] = "1380000";
  });
  const file = path.join(dir, `roster-${n}.xlsx`);
  const wb = buildTemplateWorkbook({
    templates: [roster],
    branch: "第十一中学党支部",
    rows: { roster: rows },
    asOf: AS_OF,
  });
  await wb.xlsx.writeFile(file);
  return file;
}
