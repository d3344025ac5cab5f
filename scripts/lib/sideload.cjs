// Sideloading the add-in into desktop Excel for `npm start`. The plans are plain data (what to run, what to
// copy, what to tell the user) so they can be tested anywhere; `runSideload` carries a plan out.
//
// Windows: Excel reads developer manifests from HKCU\Software\Microsoft\Office\16.0\WEF\Developer (one string
// value per add-in: any name, the manifest's full path as data); the dev CA goes into the current user's Root
// store with certutil (Windows asks the user to confirm once).
// macOS: Excel reads manifests copied into its container's Documents/wef folder; trusting the CA needs the
// user's password, so the command is printed rather than run.
const path = require("node:path");

const WEF_DEVELOPER_KEY = "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer";
const EXCEL_APP_PATHS_KEY = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe";
const EXCEL_USER_KEY = "HKCU\\Software\\Microsoft\\Office\\16.0\\Excel";
const MAC_EXCEL_APP = "/Applications/Microsoft Excel.app";

/** The add-in's <Id> from the manifest text (the registry value name, so re-running replaces the entry). */
function manifestId(xml) {
  const m = /<Id>\s*([0-9a-fA-F-]{36})\s*<\/Id>/.exec(xml);
  if (!m) throw new Error("manifest.xml has no <Id> GUID");
  return m[1];
}

/** Commands to register the manifest and trust the CA on Windows. */
function windowsPlan({ manifestPath, addinId, caCertPath, caSerial }) {
  // Excel is there when either its App Paths entry (machine-wide install) or its per-user settings key exists;
  // HKCU is not redirected between 32- and 64-bit views, so the second catches any bitness once Excel has run.
  const detect = [
    { what: "find Excel's App Paths entry", command: "reg", args: ["query", EXCEL_APP_PATHS_KEY] },
    { what: "find Excel's user settings", command: "reg", args: ["query", EXCEL_USER_KEY] },
  ];
  const steps = [
    {
      what: `register the manifest in ${WEF_DEVELOPER_KEY}`,
      command: "reg",
      args: ["add", WEF_DEVELOPER_KEY, "/v", addinId, "/t", "REG_SZ", "/d", path.win32.resolve(manifestPath), "/f"],
    },
    {
      what: "see whether the dev CA is already trusted",
      command: "certutil",
      args: ["-user", "-verifystore", "Root", caSerial],
      check: true,
      skipRestOnSuccess: true,
    },
    {
      what: "trust the dev CA for the current user (Windows asks to confirm)",
      command: "certutil",
      args: ["-user", "-addstore", "Root", path.win32.resolve(caCertPath)],
    },
  ];
  return {
    detect,
    steps,
    copies: [],
    notes: ["在 Excel 中：开始 → 加载项（或 插入 → 我的加载项 → 共享文件夹/开发人员加载项）找到“支部表格助手”。"],
  };
}

/** Where macOS Excel looks for sideloaded manifests, for a given home folder. */
function macWefDir(home) {
  return path.posix.join(home, "Library/Containers/com.microsoft.Excel/Data/Documents/wef");
}

function macPlan({ home, manifestPath, caCertPath }) {
  const trust = [
    "security",
    "add-trusted-cert",
    "-r",
    "trustRoot",
    "-k",
    path.posix.join(home, "Library/Keychains/login.keychain-db"),
    caCertPath,
  ];
  return {
    detect: [],
    steps: [],
    copies: [{ from: manifestPath, toDir: macWefDir(home), name: "zhibu-sheets.manifest.xml" }],
    notes: [
      "在 Excel 中：插入 → 加载项 → 我的加载项，开发人员加载项下选“支部表格助手”。",
      `信任本机开发证书（只需一次，会要求输入登录密码）/ Trust the dev CA once (asks for your password):\n    ${trust.map(quotePosix).join(" ")}`,
    ],
    trustCommand: trust,
  };
}

function quotePosix(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

/**
 * Decides what to do on this platform. Returns null when there is nothing to sideload into (Linux, or no
 * desktop Excel found), else the plan.
 */
function sideloadPlan({ platform, home, manifestPath, manifestXml, caCertPath, caSerial, exists }) {
  if (platform === "win32")
    return windowsPlan({ manifestPath, addinId: manifestId(manifestXml), caCertPath, caSerial });
  if (platform === "darwin") return exists(MAC_EXCEL_APP) ? macPlan({ home, manifestPath, caCertPath }) : null;
  return null;
}

/**
 * Carries out a plan. `exec(command, args)` returns { status }; `copy(from, toDir, name)` copies a file.
 * When no `detect` command succeeds, nothing is done (no Excel: nothing registered).
 * Returns { done: string[], skipped: string | null, failed: string | null }.
 */
function runSideload(plan, { exec, copy }) {
  const done = [];
  if (plan.detect.length > 0 && !plan.detect.some((d) => exec(d.command, d.args).status === 0)) {
    return { done, skipped: "Excel for Windows not found", failed: null };
  }
  for (const step of plan.steps) {
    const { status } = exec(step.command, step.args);
    if (step.check) {
      if (step.skipRestOnSuccess && status === 0) {
        done.push("dev CA already trusted");
        break;
      }
      continue;
    }
    if (status !== 0) return { done, skipped: null, failed: `${step.what}: ${step.command} exited with ${status}` };
    done.push(step.what);
  }
  for (const c of plan.copies) {
    copy(c.from, c.toDir, c.name);
    done.push(`copied the manifest to ${c.toDir}`);
  }
  return { done, skipped: null, failed: null };
}

module.exports = {
  WEF_DEVELOPER_KEY,
  MAC_EXCEL_APP,
  manifestId,
  windowsPlan,
  macPlan,
  macWefDir,
  sideloadPlan,
  runSideload,
  quotePosix,
};
