/** The standalone 修正副本 with the browser's compression streams: the same cells as `zhibu fix`, other parts intact. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import { validateWorkbook } from "../../src/core/engine";
import { deriveFixes } from "../../src/core/fixes";
import { writeFixedWorkbook } from "../../src/xlsx/fix/write-fixed";
import { nodeZipCodec } from "../../src/xlsx/fix/node-codec";
import { ZipReader } from "../../src/xlsx/fast/zip";
import { fixedCopyBytes, fixedCopyName } from "./fixed-copy";

const FIXTURE = path.resolve(__dirname, "../../tests/fixtures/fix/fixable-roster.xlsm");
const AS_OF = { kind: "date", y: 2026, m: 11, d: 21 } as const;

describe("standalone fixed copy", () => {
  test("is named <name>-修正 and keeps .xlsm", () => {
    expect(fixedCopyName("名册.xlsx")).toBe("名册-修正.xlsx");
    expect(fixedCopyName("名册.XLSM")).toBe("名册-修正.xlsm");
    expect(fixedCopyName("名册.csv")).toBeNull();
    expect(fixedCopyName("roster.xlsx", "fixed")).toBe("roster-fixed.xlsx");
  });

  test("writes the CLI's fixes through CompressionStream and keeps every other part", async () => {
    const bytes = new Uint8Array(await readFile(FIXTURE));
    const original = Buffer.from(bytes);
    const result = validateWorkbook((await readWorkbookBuffer(Buffer.from(bytes), "r.xlsm")).snapshot, { asOf: AS_OF });
    const copy = await fixedCopyBytes(bytes, result);
    expect(copy.cells).toBe(deriveFixes(result).length);
    expect(Buffer.from(bytes).equals(original)).toBe(true);
    const cli = await writeFixedWorkbook(bytes, deriveFixes(result), nodeZipCodec);
    const a = new ZipReader(Buffer.from(copy.bytes));
    const b = new ZipReader(Buffer.from(cli.bytes));
    const input = new ZipReader(original);
    for (const name of input.names()) {
      expect(a.entry(name)!.equals(b.entry(name)!)).toBe(true);
      if (!["xl/worksheets/sheet1.xml", "xl/styles.xml"].includes(name))
        expect(a.entry(name)!.equals(input.entry(name)!)).toBe(true);
    }
    const after = validateWorkbook((await readWorkbookBuffer(Buffer.from(copy.bytes), "r.xlsm")).snapshot, {
      asOf: AS_OF,
    });
    expect(deriveFixes(after)).toEqual([]);
    expect(after.counts.error).toBe(4);
  });
});
