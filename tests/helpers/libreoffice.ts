/**
 * The LibreOffice-based suites: run `suite` when the tools are on PATH; fail with the install line when they are
 * missing; skip only when ZHIBU_SKIP_LIBREOFFICE=1 asks for it.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export function onPath(name: string): boolean {
  return (process.env["PATH"] ?? "").split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, name)));
}

export function describeWithLibreOffice(
  title: string,
  suite: () => void,
  tools: readonly string[] = ["soffice", "pdfinfo", "pdftotext"],
): void {
  if (process.env["ZHIBU_SKIP_LIBREOFFICE"] === "1") {
    describe.skip(`${title} (skipped: ZHIBU_SKIP_LIBREOFFICE=1)`, () => {
      test("skipped", () => undefined);
    });
    return;
  }
  const missing = tools.filter((t) => !onPath(t));
  if (missing.length > 0) {
    describe(title, () => {
      test("LibreOffice and poppler are installed", () => {
        throw new Error(
          `${missing.join(", ")} not on PATH (Debian: apt-get install -y libreoffice-calc-nogui poppler-utils), ` +
            "or set ZHIBU_SKIP_LIBREOFFICE=1 to skip this test on purpose.",
        );
      });
    });
    return;
  }
  describe(title, suite);
}

/** `soffice --headless --convert-to TARGET` of `files` into `outDir`, with its own profile (a file: URL). */
export function soffice(profile: string, target: string, outDir: string, files: readonly string[]): void {
  const r = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      target,
      "--outdir",
      outDir,
      ...files,
    ],
    { encoding: "utf8", timeout: 300_000 },
  );
  if (r.status !== 0) throw new Error(`LibreOffice failed: ${r.status} ${r.stdout} ${r.stderr}`);
}
