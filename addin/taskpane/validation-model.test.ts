import { readFile } from "node:fs/promises";
import path from "node:path";
import { validateWorkbook } from "../../src/core/engine";
import type { Issue } from "../../src/core/types";
import { readWorkbookInBrowser } from "../standalone/read-workbook";
import { displayValue, groupByRule, issueLocation, rowPreview } from "./validation-model";
import { TEXT, detectLang } from "./i18n";

const FIXTURE = path.resolve(__dirname, "../../tests/fixtures/samples/roster-messy.xlsx");

function issue(rule: string, severity: Issue["severity"], cell: string | null): Issue {
  return {
    rule,
    severity,
    sheet: "表",
    cell,
    row: cell ? Number(cell.replace(/\D/g, "")) : null,
    field: null,
    params: {},
    person: null,
  };
}

describe("validation model", () => {
  it("groups by rule, errors before warnings before info, keeping first-seen order", () => {
    const issues = [
      issue("w", "warning", "A2"),
      issue("e1", "error", "B3"),
      issue("i", "info", null),
      issue("e2", "error", "C4"),
      issue("e1", "error", "B5"),
    ];
    const all = groupByRule(issues, new Set(["error", "warning", "info"]));
    expect(all.map((g) => [g.rule, g.entries.map((e) => e.index)])).toEqual([
      ["e1", [1, 4]],
      ["e2", [3]],
      ["w", [0]],
      ["i", [2]],
    ]);
    expect(groupByRule(issues, new Set(["warning"])).map((g) => g.rule)).toEqual(["w"]);
    expect(issueLocation(issues[0]!)).toBe("表!A2");
    expect(issueLocation(issues[2]!)).toBe("表");
  });

  it("previews an issue's row under its header with the cell highlighted", async () => {
    const snapshot = await readWorkbookInBrowser({
      name: "r.xlsx",
      arrayBuffer: async () => new Uint8Array(await readFile(FIXTURE)).buffer,
    });
    const result = validateWorkbook(snapshot);
    const dup = result.issues.find((i) => i.rule === "roster.id.duplicate")!;
    const preview = rowPreview(snapshot, result, dup)!;
    expect(preview).toMatchObject({ sheet: "花名册", row: 25, headerRow: 3 });
    const hit = preview.cells.filter((c) => c.highlighted);
    expect(hit.map((c) => c.column)).toEqual(["E"]);
    expect(hit[0]!.header).toBe("公民身份号码"); // the workbook's own header, as the user sees it
    expect(rowPreview(snapshot, result, { ...dup, cell: null, row: null })).toBeNull();
  });

  it("shows cell values as the user typed them", () => {
    expect(displayValue({ kind: "date", y: 2024, m: 7, d: 1 })).toBe("2024-07-01");
    expect(displayValue({ kind: "error", code: "#N/A" })).toBe("#N/A");
    expect(displayValue(null)).toBe("");
    expect(displayValue(12.5)).toBe("12.5");
  });

  it("speaks Chinese unless the browser is English, with the same texts in both", () => {
    expect(detectLang("en-US")).toBe("en");
    expect(detectLang("zh-CN")).toBe("zh-CN");
    expect(detectLang(undefined)).toBe("zh-CN");
    expect(Object.keys(TEXT.en).sort()).toEqual(Object.keys(TEXT["zh-CN"]).sort());
  });
});
