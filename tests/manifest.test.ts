import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateXML, type XMLFileInfo, type XMLValidationResult } from "xmllint-wasm";
import { normalizeBase, rebaseManifest } from "../scripts/lib/manifest.cjs";

const ROOT = join(__dirname, "..");
const SCHEMA_DIR = join(ROOT, "schemas", "office-manifest");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";
const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");

function loadSchemas(): { main: XMLFileInfo; imports: XMLFileInfo[] } {
  const files = readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith(".xsd"))
    .map((fileName) => ({ fileName, contents: readFileSync(join(SCHEMA_DIR, fileName), "utf8") }));
  const main = files.find((f) => f.fileName === MAIN_SCHEMA);
  if (!main) throw new Error(`${MAIN_SCHEMA} missing from ${SCHEMA_DIR}`);
  // The main schema imports the others by relative file name, so they are preloaded next to it.
  return { main, imports: files.filter((f) => f !== main) };
}

const schemas = loadSchemas();

function validate(xml: string): Promise<XMLValidationResult> {
  return validateXML({
    xml: { fileName: "manifest.xml", contents: xml },
    schema: schemas.main,
    preload: schemas.imports,
  });
}

/** Replace exactly one occurrence, so a test cannot silently mutate nothing. */
function mutate(xml: string, from: string | RegExp, to: string): string {
  const out = xml.replace(from, to);
  if (out === xml) throw new Error(`mutation ${String(from)} did not apply`);
  return out;
}

describe("manifest.xml", () => {
  it("validates against the Office add-in manifest XSDs", async () => {
    const result = await validate(manifest);
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("is a zh-CN Excel task pane add-in with the agreed settings", () => {
    expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
    expect(manifest).toMatch(/<Version>1\.0\.0\.0<\/Version>/);
    expect(manifest).toMatch(/<Host Name="Workbook"\s*\/>/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.8"\s*\/>/);
    expect(manifest).toMatch(/<SourceLocation DefaultValue="https:\/\/localhost:3000\/taskpane\.html"\s*\/>/);
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    expect(manifest).toMatch(/<Override Locale="en-US"/);
  });

  it.each([
    ["Permissions removed", (x: string) => mutate(x, /\s*<Permissions>[^<]*<\/Permissions>/, "")],
    [
      "Permissions misspelled",
      (x: string) => mutate(mutate(x, "<Permissions>", "<Permision>"), "</Permissions>", "</Permision>"),
    ],
    ["unknown permission value", (x: string) => mutate(x, "ReadWriteDocument", "ReadWriteEverything")],
    ["Id not a GUID", (x: string) => mutate(x, /<Id>[^<]*<\/Id>/, "<Id>zhibu-sheets</Id>")],
    ["DefaultSettings removed", (x: string) => mutate(x, /\s*<DefaultSettings>[\s\S]*?<\/DefaultSettings>/, "")],
    ["button without an Action", (x: string) => mutate(x, /\s*<Action xsi:type="ShowTaskpane">[\s\S]*?<\/Action>/, "")],
  ])("rejects a manifest with %s", async (_name, broken) => {
    const result = await validate(broken(manifest));
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });
});

describe("manifest for another host (npm run manifest)", () => {
  const BASE = "https://zhibu.school.example.cn/tools/zhibu/";

  it("moves every URL under the new base, keeps the manifest valid, and sets the AppDomain to its origin", async () => {
    const xml = rebaseManifest(manifest, BASE);
    const result = await validate(xml);
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(xml).not.toMatch(/localhost/);
    expect(xml).toMatch(
      /<SourceLocation DefaultValue="https:\/\/zhibu\.school\.example\.cn\/tools\/zhibu\/taskpane\.html"\/>/,
    );
    expect(xml).toMatch(/<AppDomain>https:\/\/zhibu\.school\.example\.cn<\/AppDomain>/);
    const urls = [...xml.matchAll(/DefaultValue="(https:[^"]+)"/g)].map((m) => m[1] ?? "");
    expect(urls.length).toBe([...manifest.matchAll(/DefaultValue="(https:[^"]+)"/g)].length);
    for (const url of urls) expect(url.startsWith(BASE)).toBe(true);
    // Only the URLs change: the same XML with the base swapped back is the original.
    expect(
      xml
        .replaceAll(BASE, "https://localhost:3000/")
        .replace(/<AppDomain>[^<]*</, "<AppDomain>https://localhost:3000<"),
    ).toBe(
      manifest.replace(
        /The URLs point at https:\/\/localhost:3000[^\n]*\n/,
        `The URLs point at https://localhost:3000/ (written by npm run manifest).\n`,
      ),
    );
  });

  it("normalises the base and refuses what Office cannot load", () => {
    expect(normalizeBase("https://host:8443/a")).toBe("https://host:8443/a/");
    expect(normalizeBase("https://10.0.0.5")).toBe("https://10.0.0.5/");
    expect(() => normalizeBase("http://host/")).toThrow(/HTTPS/);
    expect(() => normalizeBase("host/zhibu")).toThrow(/absolute URL/);
    expect(() => normalizeBase("https://host/?a=1")).toThrow(/query/);
    expect(() => normalizeBase("https://user:pw@host/")).toThrow(/password/);
  });

  it("the script writes a valid copy and fails with exit 2 and a usage line on bad input", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zhibu-manifest-"));
    try {
      const script = join(ROOT, "scripts", "manifest.mjs");
      const out = join(dir, "manifest.xml");
      const ok = spawnSync(process.execPath, [script, "--url", "https://192.168.10.20:8443/zhibu", "--out", out], {
        encoding: "utf8",
      });
      expect(ok.status).toBe(0);
      expect(ok.stdout).toContain("https://192.168.10.20:8443/zhibu/taskpane.html");
      const written = readFileSync(out, "utf8");
      expect((await validate(written)).valid).toBe(true);
      expect(written).toMatch(/<AppDomain>https:\/\/192\.168\.10\.20:8443<\/AppDomain>/);

      const bad = spawnSync(process.execPath, [script, "--url", "http://intranet/zhibu/", "--out", out], {
        encoding: "utf8",
      });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/HTTPS/);
      expect(bad.stderr).toMatch(/npm run manifest -- --url/);
      expect(bad.stderr).not.toMatch(/\n\s+at /); // no stack trace
      const none = spawnSync(process.execPath, [script], { encoding: "utf8" });
      expect(none.status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("icons", () => {
  const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  it.each([16, 32, 64, 80])("assets/icon-%i.png is a square PNG of that size", (size) => {
    const png = readFileSync(join(ROOT, "assets", `icon-${size}.png`));
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // The first chunk must be IHDR: length (4) + "IHDR" (4) + width (4) + height (4).
    expect(png.toString("ascii", 12, 16)).toBe("IHDR");
    expect(png.readUInt32BE(16)).toBe(size);
    expect(png.readUInt32BE(20)).toBe(size);
  });

  it("every icon URL in the manifest points at an existing asset", () => {
    const urls = [...manifest.matchAll(/https:\/\/localhost:3000\/(assets\/[^"]+)"/g)].map((m) => m[1] ?? "");
    expect(urls.length).toBeGreaterThan(0);
    const assets = new Set(readdirSync(join(ROOT, "assets")).map((f) => `assets/${f}`));
    for (const url of urls) expect(assets).toContain(url);
  });
});
