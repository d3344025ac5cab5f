/**
 * Sideloading plans of `npm start` (scripts/lib/sideload.cjs): the exact commands for Windows (registry +
 * certutil), the copy for macOS, nothing on Linux, and how a plan is carried out when a step fails or Excel is
 * missing. The commands cannot run here; their construction and the run logic are what is checked.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  MAC_EXCEL_APP,
  WEF_DEVELOPER_KEY,
  manifestId,
  quotePosix,
  runSideload,
  sideloadPlan,
  type SideloadPlan,
} from "../../scripts/lib/sideload.cjs";

const MANIFEST = readFileSync(path.join(__dirname, "../../manifest.xml"), "utf8");
const ID = "36689c94-e9b5-4fc2-98f4-597f5b549a99";

const windows = (): SideloadPlan => {
  const plan = sideloadPlan({
    platform: "win32",
    home: "C:\\Users\\李老师",
    manifestPath: "C:\\Users\\李老师\\zhibu sheets\\build\\manifest.xml",
    manifestXml: MANIFEST,
    caCertPath: "C:\\Users\\李老师\\zhibu sheets\\.certs\\ca.crt",
    caSerial: "3A5F",
    exists: () => false,
  });
  if (!plan) throw new Error("no Windows plan");
  return plan;
};

/** Records the commands run; `status` decides each command's exit code. */
function recorder(status: (command: string, args: string[]) => number = () => 0) {
  const ran: string[][] = [];
  const copies: string[][] = [];
  return {
    ran,
    copies,
    io: {
      exec: (command: string, args: string[]) => {
        ran.push([command, ...args]);
        return { status: status(command, args) };
      },
      copy: (from: string, toDir: string, name: string) => void copies.push([from, toDir, name]),
    },
  };
}

test("the add-in id comes from the manifest", () => {
  expect(manifestId(MANIFEST)).toBe(ID);
  expect(() => manifestId("<OfficeApp/>")).toThrow(/no <Id>/);
});

test("Windows: detect Excel, register the manifest path under WEF\\Developer, trust the CA for the current user", () => {
  const plan = windows();
  expect(WEF_DEVELOPER_KEY).toBe("HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer");
  expect(plan.detect.map((s) => [s.command, ...s.args])).toEqual([
    ["reg", "query", "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe"],
    ["reg", "query", "HKCU\\Software\\Microsoft\\Office\\16.0\\Excel"],
  ]);
  expect(plan.steps.map((s) => [s.command, ...s.args])).toEqual([
    [
      "reg",
      "add",
      WEF_DEVELOPER_KEY,
      "/v",
      ID,
      "/t",
      "REG_SZ",
      "/d",
      "C:\\Users\\李老师\\zhibu sheets\\build\\manifest.xml",
      "/f",
    ],
    ["certutil", "-user", "-verifystore", "Root", "3A5F"],
    ["certutil", "-user", "-addstore", "Root", "C:\\Users\\李老师\\zhibu sheets\\.certs\\ca.crt"],
  ]);
  expect(plan.copies).toEqual([]);
});

test("Windows run: everything in order when Excel is there and the CA is new", () => {
  const r = recorder((command, args) => (command === "certutil" && args[1] === "-verifystore" ? 1 : 0));
  const outcome = runSideload(windows(), r.io);
  expect(r.ran.map((c) => c.slice(0, 2).join(" "))).toEqual([
    "reg query",
    "reg add",
    "certutil -user",
    "certutil -user",
  ]);
  expect(r.ran[3]).toContain("-addstore");
  expect(outcome.failed).toBeNull();
  expect(outcome.skipped).toBeNull();
  expect(outcome.done).toHaveLength(2);
});

test("Windows run: an already trusted CA is not added again; no Excel means nothing is registered", () => {
  const trusted = recorder();
  expect(runSideload(windows(), trusted.io).done).toContain("dev CA already trusted");
  expect(trusted.ran.some((c) => c.includes("-addstore"))).toBe(false);

  const noExcel = recorder((command, args) => (args[0] === "query" ? 1 : 0));
  const outcome = runSideload(windows(), noExcel.io);
  expect(outcome.skipped).toMatch(/not found/);
  expect(noExcel.ran.map((c) => c[1])).toEqual(["query", "query"]);

  // Only the per-user key (e.g. 32-bit Excel on 64-bit Windows): still registered.
  const userKeyOnly = recorder((command, args) => (args[0] === "query" && String(args[1]).startsWith("HKLM") ? 1 : 0));
  expect(runSideload(windows(), userKeyOnly.io).done).toContain(`register the manifest in ${WEF_DEVELOPER_KEY}`);
});

test("Windows run: a failing registry write stops the run and says which step failed", () => {
  const r = recorder((command, args) => (args[0] === "add" ? 5 : 0));
  const outcome = runSideload(windows(), r.io);
  expect(outcome.failed).toMatch(/register the manifest.*exited with 5/);
  expect(r.ran.some((c) => c[0] === "certutil")).toBe(false);
});

test("macOS with Excel: the manifest is copied into Excel's wef folder; trusting the CA is explained", () => {
  const plan = sideloadPlan({
    platform: "darwin",
    home: "/Users/li",
    manifestPath: "/Users/li/zhibu sheets/build/manifest.xml",
    manifestXml: MANIFEST,
    caCertPath: "/Users/li/zhibu sheets/.certs/ca.crt",
    caSerial: "3A5F",
    exists: (p) => p === MAC_EXCEL_APP,
  });
  if (!plan) throw new Error("no macOS plan");
  expect(plan.detect).toEqual([]);
  expect(plan.steps).toEqual([]);
  expect(plan.copies).toEqual([
    {
      from: "/Users/li/zhibu sheets/build/manifest.xml",
      toDir: "/Users/li/Library/Containers/com.microsoft.Excel/Data/Documents/wef",
      name: "zhibu-sheets.manifest.xml",
    },
  ]);
  expect(plan.trustCommand).toEqual([
    "security",
    "add-trusted-cert",
    "-r",
    "trustRoot",
    "-k",
    "/Users/li/Library/Keychains/login.keychain-db",
    "/Users/li/zhibu sheets/.certs/ca.crt",
  ]);
  expect(plan.notes.join("\n")).toContain("'/Users/li/zhibu sheets/.certs/ca.crt'");
  const r = recorder();
  expect(runSideload(plan, r.io).done).toEqual([`copied the manifest to ${plan.copies[0]?.toDir}`]);
  expect(r.copies).toHaveLength(1);
  expect(r.ran).toEqual([]);
});

test("nothing to sideload on Linux or on a Mac without Excel", () => {
  const base = { home: "/h", manifestPath: "/m.xml", manifestXml: MANIFEST, caCertPath: "/ca.crt", caSerial: "1" };
  expect(sideloadPlan({ ...base, platform: "linux", exists: () => true })).toBeNull();
  expect(sideloadPlan({ ...base, platform: "darwin", exists: () => false })).toBeNull();
});

test("shell quoting for printed commands", () => {
  expect(quotePosix("/a/b.crt")).toBe("/a/b.crt");
  expect(quotePosix("/a b/c.crt")).toBe("'/a b/c.crt'");
  expect(quotePosix("it's")).toBe("'it'\\''s'");
});
