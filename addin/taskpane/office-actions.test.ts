import { HostFeatureUnavailable, type ExcelHost } from "../office/port";
import { exportWorkbook, toBase64 } from "./office-actions";
import { hostErrorMessage } from "./host-errors";
import { debounceSheets, isNotFound, mergeSheets, readFromHost } from "./office-validation";
import { TEXT } from "./i18n";

/** Only the methods a case uses; calling any other fails the test. */
function host(methods: Partial<ExcelHost>): ExcelHost {
  return new Proxy(methods as ExcelHost, {
    get(target, key: string) {
      const m = (target as unknown as Record<string, unknown>)[key];
      if (m === undefined) throw new Error(`unexpected host call ${key}`);
      return m;
    },
  });
}

const notFound = () => Object.assign(new Error("not found"), { code: "ItemNotFound" });

describe("Excel actions through the port", () => {
  it("encodes bytes as base64 like Buffer does, for big inputs too", () => {
    const bytes = new Uint8Array(100_000).map((_v, i) => (i * 7) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  });

  it("opens the export in a new workbook, or downloads it where the host lacks createWorkbook", async () => {
    const opened: number[] = [];
    const downloads: number[] = [];
    const bytes = new Uint8Array([1, 2, 3]).buffer;
    const ok = host({ openNewWorkbook: async (b64) => void opened.push(b64.length) });
    await expect(exportWorkbook(ok, bytes, (b) => downloads.push(b.byteLength))).resolves.toEqual({ kind: "opened" });
    const lacking = host({
      openNewWorkbook: async () => {
        throw new HostFeatureUnavailable("createWorkbook", "ExcelApi 1.8");
      },
    });
    await expect(exportWorkbook(lacking, bytes, (b) => downloads.push(b.byteLength))).resolves.toEqual({
      kind: "downloaded",
      requirement: "ExcelApi 1.8",
    });
    expect([opened, downloads]).toEqual([[4], [3]]);
    const broken = host({
      openNewWorkbook: async () => {
        throw new Error("boom");
      },
    });
    await expect(exportWorkbook(broken, bytes, () => downloads.push(-1))).rejects.toThrow("boom");
    expect(downloads).toEqual([3]);
  });

  it("reads the active sheet with 设置 beside it in one host call, and 设置 alone when it is active", async () => {
    const sheet = (name: string) => ({ name, values: [["x"]] });
    const asked: Array<readonly string[]> = [];
    const withSettings = host({
      readActiveSheet: async (beside) => {
        asked.push(beside);
        return { sheet: sheet("花名册"), beside: [sheet("设置")] };
      },
    });
    await expect(readFromHost(withSettings, "active")).resolves.toEqual({
      snapshot: { name: "花名册", sheets: [sheet("设置"), sheet("花名册")] },
      sheet: "花名册",
    });
    expect(asked).toEqual([["设置"]]);
    const without = host({ readActiveSheet: async () => ({ sheet: sheet("花名册"), beside: [] }) });
    await expect(readFromHost(without, "active")).resolves.toMatchObject({ snapshot: { sheets: [sheet("花名册")] } });
    const onSettings = host({ readActiveSheet: async () => ({ sheet: sheet("设置"), beside: [sheet("设置")] }) });
    await expect(readFromHost(onSettings, "active")).resolves.toMatchObject({ snapshot: { sheets: [sheet("设置")] } });
    const failing = host({
      readActiveSheet: async () => {
        throw Object.assign(new Error("busy"), { code: "GeneralException" });
      },
    });
    await expect(readFromHost(failing, "active")).rejects.toThrow("busy");
    expect(isNotFound(notFound())).toBe(true);
  });

  it("re-reads only the edited sheets that matter for the scope", async () => {
    const read: string[] = [];
    const h = host({
      readSheet: async (n) => {
        read.push(n);
        if (n === "旧表") throw notFound();
        return { name: n, values: [["new"]] };
      },
    });
    const snapshot = {
      name: "w",
      sheets: [
        { name: "花名册", values: [["old"]] },
        { name: "旧表", values: [["old"]] },
      ],
    };
    const active = await mergeSheets(h, snapshot, ["花名册", "其他", "花名册"], { scope: "active", sheet: "花名册" });
    expect(read).toEqual(["花名册"]);
    expect(active.sheets[0]!.values).toEqual([["new"]]);
    const whole = await mergeSheets(h, snapshot, ["旧表", "新表"], { scope: "workbook", sheet: null });
    expect(whole.sheets.map((s) => s.name)).toEqual(["花名册", "新表"]);
  });

  it("debounces edits into one re-check with every sheet edited", () => {
    jest.useFakeTimers();
    try {
      const fired: string[][] = [];
      const d = debounceSheets((s) => fired.push(s), 800);
      d.push(["花名册"]);
      jest.advanceTimersByTime(500);
      d.push(["设置", "花名册"]);
      jest.advanceTimersByTime(799);
      expect(fired).toEqual([]);
      jest.advanceTimersByTime(1);
      expect(fired).toEqual([["花名册", "设置"]]);
      d.push(["x"]);
      d.stop();
      jest.advanceTimersByTime(1000);
      expect(fired.length).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it("explains host failures: a missing feature with its requirement set, other errors with the host's words", () => {
    const zh = TEXT["zh-CN"];
    expect(hostErrorMessage(new HostFeatureUnavailable("pivotTables", "ExcelApi 1.8"), "summary", zh)).toContain(
      "不支持“数据透视表”（需要 ExcelApi 1.8）",
    );
    expect(
      hostErrorMessage(Object.assign(new Error("Cell is locked"), { code: "AccessDenied" }), "mark", TEXT.en),
    ).toBe(
      "Mark failed: Cell is locked (AccessDenied). Check the workbook (not in cell-edit mode, sheet not protected) and try again.",
    );
    expect(hostErrorMessage("weird", "export", zh)).toContain("导出失败：weird");
  });
});
