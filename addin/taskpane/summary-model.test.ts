import { formatTableCell } from "../../src/core/summary/table";
import { summaryFileName } from "./summary-model";

describe("summary model", () => {
  it("names the export after the original file, never the original itself", () => {
    expect(summaryFileName("roster-clean.xlsx")).toBe("roster-clean-汇总.xlsx");
    expect(summaryFileName("名单.XLSM")).toBe("名单-汇总.xlsx");
    expect(summaryFileName(".xlsx")).toBe("工作簿-汇总.xlsx");
  });

  it("formats fractions in percent columns only", () => {
    expect(formatTableCell(22 / 30, true)).toBe("73.3%");
    expect(formatTableCell(1, true)).toBe("100.0%");
    expect(formatTableCell(30, false)).toBe("30");
    expect(formatTableCell("", true)).toBe("");
  });
});

describe("the year report of the 汇总 area", () => {
  const load = async () => {
    const { readWorkbookFile } = await import("../../src/xlsx/read");
    const { validateWorkbook } = await import("../../src/core/engine");
    const { snapshot } = await readWorkbookFile(`${__dirname}/../../tests/fixtures/samples/roster-clean.xlsx`);
    return validateWorkbook(snapshot, { asOf: { kind: "date", y: 2026, m: 11, d: 21 } });
  };

  it("gives the paragraph of the CLI, the same with masking on or off", async () => {
    const { yearParagraphOf } = await import("./summary-model");
    const { summaryOf, summaryParagraph } = await import("../../src/core/summary/sections");
    const result = await load();
    const p = yearParagraphOf(result);
    expect(p).toMatch(/^截至2026年11月21日，实验小学党支部现有党员30名（正式党员28名、预备党员2名）/);
    expect(summaryParagraph(result, summaryOf(result, true).summary)).toBe(p);
  });

  it("opens the exported summary workbook with 年度概况 and the paragraph, its page before the first table", async () => {
    const { summarySections, summaryWorkbookBytes, yearParagraphOf } = await import("./summary-model");
    const result = await load();
    const ExcelJS = (await import("exceljs")).default;
    const bytes = await summaryWorkbookBytes(result, "roster-clean.xlsx", summarySections(result, true));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    const ws = wb.getWorksheet("汇总")!;
    expect(ws.getCell("A4").value).toBe("年度概况");
    expect(ws.getCell("A5").value).toBe(yearParagraphOf(result));
    expect(ws.getCell("A5").alignment?.wrapText).toBe(true);
    expect(ws.getCell("A7").value).toBe("党员花名册");
    // The first page break is after row 6: 党员花名册 starts a new page; the print plan may add later ones where
    // a table would cross a page (exceljs does not read breaks back, so the XML).
    const JSZip = (await import("jszip")).default;
    const sheet = await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!.async("string");
    const breaks = [...sheet.matchAll(/<brk [^>]*id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(breaks[0]).toBe(6);
    expect(breaks).toEqual([...breaks].sort((a, b) => a - b));
  });

  it("names the national export after the file and builds it unmasked, one row per roster row", async () => {
    const { nationalCount, nationalFileName, nationalWorkbookBytes } = await import("./summary-model");
    expect(nationalFileName("roster-clean.xlsx")).toBe("roster-clean-党员基本信息汇总表.xlsx");
    const result = await load();
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await nationalWorkbookBytes(result));
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount - 1).toBe(nationalCount(result));
    expect(nationalCount(result)).toBe(34);
    expect(String(ws.getRow(2).getCell(4).value)).toMatch(/^\d{17}[\dX]$/);
  });
});
