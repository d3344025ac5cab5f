import { readFile } from "node:fs/promises";
import path from "node:path";
import { validateWorkbook } from "../../src/core/engine";
import type { Issue } from "../../src/core/types";
import { readWorkbookInBrowser } from "../standalone/read-workbook";
import {
  UNATTRIBUTED,
  cellLabel,
  dataSheetCount,
  displayValue,
  groupByPerson,
  groupByRule,
  issueLocation,
  rowPreview,
} from "./validation-model";
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

  describe("by person", () => {
    const ALL = new Set(["error", "warning", "info"] as const);
    const at = (
      rule: string,
      severity: Issue["severity"],
      sheet: string,
      cell: string | null,
      person: string | null,
    ): Issue => ({ ...issue(rule, severity, cell), sheet, person });
    const issues = [
      at("dup", "error", "花名册", "E39", "夏明超"), // 0
      at("freq", "warning", "月度安排", null, null), // 1: sheet-level
      at("phone", "warning", "花名册", "Q8", "邱筠"), // 2
      at("dup", "error", "花名册", "E8", "邱筠"), // 3
      at("score", "error", "年终考核", "F5", "邱筠"), // 4: the same name in another sheet
      at("ws", "info", "花名册", "B12", "邱筠"), // 5: the same name on another row of the same sheet
      at("required", "error", "花名册", "B37", null), // 6: a row without a name
      at("enum", "info", "花名册", "D8", "邱筠"), // 7
    ];
    const view = (show: ReadonlySet<Issue["severity"]>, order = ["花名册", "月度安排", "年终考核"]) =>
      groupByPerson(issues, show, order).map((g) => [
        g.person,
        g.sheet,
        g.row,
        g.severity,
        g.entries.map((e) => e.index),
      ]);

    it("gives each person's row one entry, in sheet order then row, worst issue first", () => {
      expect(view(ALL)).toEqual([
        ["邱筠", "花名册", 8, "error", [3, 2, 7]],
        ["邱筠", "花名册", 12, "info", [5]],
        ["夏明超", "花名册", 39, "error", [0]],
        ["邱筠", "年终考核", 5, "error", [4]],
        [null, null, null, "error", [6, 1]],
      ]);
      // Without a known sheet order, sheets come in order of their first issue.
      expect(view(ALL, []).map(([p, s, r]) => `${s}:${r}:${p}`)).toEqual([
        "花名册:8:邱筠",
        "花名册:12:邱筠",
        "花名册:39:夏明超",
        "年终考核:5:邱筠",
        "null:null:null",
      ]);
    });

    it("keys entries by sheet, row and name, and puts issues tied to no one in one last entry", () => {
      const groups = groupByPerson(issues, ALL, ["花名册", "月度安排", "年终考核"]);
      expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
      expect(groups.at(-1)).toMatchObject({ key: UNATTRIBUTED, person: null });
      // Sheet-level issues and rows without a name are the only ones in it; every issue is in exactly one entry.
      expect(groups.at(-1)!.entries.map((e) => e.issue.person)).toEqual([null, null]);
      expect(groups.flatMap((g) => g.entries.map((e) => e.index)).sort()).toEqual(issues.map((_, i) => i));
      // Sheet-level issues come before row issues of a later sheet, and after those of an earlier one.
      const only = groupByPerson([issues[1]!, { ...issues[6]!, sheet: "年终考核" }], ALL, [
        "花名册",
        "月度安排",
        "年终考核",
      ]);
      expect(only.map((g) => g.entries.map((e) => e.issue.sheet))).toEqual([["月度安排", "年终考核"]]);
    });

    it("applies the severity filter, dropping entries left empty", () => {
      expect(view(new Set(["warning"]))).toEqual([
        ["邱筠", "花名册", 8, "warning", [2]],
        [null, null, null, "warning", [1]],
      ]);
      expect(view(new Set(["info"]))).toEqual([
        ["邱筠", "花名册", 8, "info", [7]],
        ["邱筠", "花名册", 12, "info", [5]],
      ]);
      expect(groupByPerson(issues, new Set())).toEqual([]);
    });

    it("names the sheet beside a cell only when asked", () => {
      expect(cellLabel(issues[3]!, false)).toBe("E8");
      expect(cellLabel(issues[3]!, true)).toBe("花名册!E8");
      expect(cellLabel(issues[1]!, false)).toBe("月度安排");
      expect(dataSheetCount([{ template: "roster" }, { template: null }])).toBe(1);
      expect(dataSheetCount([{ template: "roster" }, { template: "schedule" }])).toBe(2);
    });
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
