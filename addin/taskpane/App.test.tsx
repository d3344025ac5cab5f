import { renderToString } from "react-dom/server";
import { App, detectHostMode } from "./App";
import type { ExcelHost } from "../office/port";

describe("task pane shell", () => {
  it("renders title, the four areas and the standalone mode without any Office host", () => {
    const html = renderToString(<App initialMode="standalone" initialLang="zh-CN" />);
    expect(html).toContain("支部表格助手");
    for (const label of ["模板", "校验", "汇总", "设置"]) expect(html).toContain(label);
    expect(html).toContain("独立页面模式");
    expect(html).toContain("打开一个表格文件（.xlsx、.xls、.ods、.csv）开始校验");
  });

  it("speaks English when asked", () => {
    const html = renderToString(<App initialMode="standalone" initialLang="en" />);
    for (const label of [
      "Templates",
      "Validate",
      "Summary",
      "Settings",
      "Open a workbook (.xlsx, .xls, .ods, .csv) to start validating",
    ]) {
      expect(html).toContain(label);
    }
  });

  it("says it runs in Excel when a host is reported", () => {
    expect(renderToString(<App initialMode="office" initialLang="zh-CN" />)).toContain("在 Excel 中运行");
  });

  it("in Excel offers the active sheet or the whole workbook instead of opening a file", () => {
    const host = new Proxy({} as ExcelHost, {
      get: (_t, key) => {
        throw new Error(`no host call while rendering (${String(key)})`);
      },
    });
    const html = renderToString(<App initialMode="office" initialLang="zh-CN" office={{ host, markStore: null }} />);
    for (const label of ["当前工作表", "整个工作簿", "编辑时重新校验", "选择范围后点“校验”"])
      expect(html).toContain(label);
    expect(html).not.toContain("打开表格文件");
  });

  it("detects standalone mode when office.js is not loaded", async () => {
    expect(typeof (globalThis as { Office?: unknown }).Office).toBe("undefined");
    await expect(detectHostMode(50)).resolves.toBe("standalone");
  });

  it("follows what Office.onReady reports, and gives up when it never answers", async () => {
    const g = globalThis as { Office?: unknown };
    try {
      g.Office = { onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }) };
      await expect(detectHostMode(50)).resolves.toBe("office");
      g.Office = { onReady: () => Promise.resolve({ host: null, platform: null }) };
      await expect(detectHostMode(50)).resolves.toBe("standalone");
      g.Office = { onReady: () => new Promise(() => undefined) };
      await expect(detectHostMode(50)).resolves.toBe("standalone");
    } finally {
      delete g.Office;
    }
  });
});
