/**
 * The 模板 area's "all four templates in one workbook" (issue 10): downloaded (standalone) as one .xlsx named
 * after the branch, inserted (Excel, over the real adapter and the Excel fake) as four template sheets sharing one
 * 设置; with sample rows, both validate with no issue of any severity as of the day they are made.
 */
import { validateWorkbook } from "../../src/core/engine";
import { TEMPLATES } from "../../src/core/templates";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import { adapterOver, freshFake } from "../../tests/office/helpers";
import { ALL_TEMPLATES, allTemplatesFileName, insertTemplates, templateWorkbookBytes } from "./template-model";

describe("all four templates in one workbook", () => {
  it("the download is named after the branch", () => {
    expect(allTemplatesFileName("实验小学党支部")).toBe("实验小学党支部-支部工作表.xlsx");
    expect(allTemplatesFileName(" 一中/二中:党支部 ")).toBe("一中二中党支部-支部工作表.xlsx");
    expect(allTemplatesFileName("")).toBe("支部工作表.xlsx");
  });

  it.each([12, 30])(
    "the downloaded workbook with %i sample rows has the four templates and validates clean",
    async (n) => {
      const bytes = await templateWorkbookBytes(ALL_TEMPLATES, "实验小学党支部", n);
      const { snapshot } = await readWorkbookBuffer(Buffer.from(bytes), "实验小学党支部-支部工作表.xlsx");
      const result = validateWorkbook(snapshot);
      expect(result.sheets.filter((s) => s.template !== null).map((s) => [s.template, s.dataRows])).toEqual(
        TEMPLATES.map((t) => [t.id, n]),
      );
      expect(result.issues).toEqual([]);
    },
  );

  it("the blank workbook (0 sample rows) has the four templates with no data rows", async () => {
    const bytes = await templateWorkbookBytes(ALL_TEMPLATES, "", 0);
    const { snapshot } = await readWorkbookBuffer(Buffer.from(bytes), "支部工作表.xlsx");
    const result = validateWorkbook(snapshot);
    expect(result.sheets.filter((s) => s.template !== null).map((s) => [s.template, s.dataRows])).toEqual(
      TEMPLATES.map((t) => [t.id, 0]),
    );
  });

  it("inserted in Excel: four template sheets and one 设置, one table each, validating clean", async () => {
    const fake = freshFake();
    const host = adapterOver(fake);
    const inserted = await insertTemplates(host, ALL_TEMPLATES, "实验小学党支部", 12);
    expect(inserted.tables).toHaveLength(4);
    expect(inserted.sheets.filter((s) => s === "设置")).toHaveLength(1);
    expect(fake.grid.sheets.filter((s) => s.tables.length === 1)).toHaveLength(4);
    const result = validateWorkbook(await host.readWorkbook());
    expect(result.sheets.filter((s) => s.template !== null).map((s) => s.template)).toEqual(TEMPLATES.map((t) => t.id));
    expect(result.issues).toEqual([]);
  });
});
