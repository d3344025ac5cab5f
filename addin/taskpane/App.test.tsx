import { renderToString } from "react-dom/server";
import { App, detectHostMode } from "./App";

describe("task pane shell", () => {
  it("renders title, the four areas and the standalone mode without any Office host", () => {
    const html = renderToString(<App initialMode="standalone" />);
    expect(html).toContain("支部表格助手");
    for (const label of ["模板", "校验", "汇总", "设置"]) expect(html).toContain(label);
    expect(html).toContain("独立页面模式");
  });

  it("says it runs in Excel when a host is reported", () => {
    expect(renderToString(<App initialMode="office" />)).toContain("在 Excel 中运行");
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
