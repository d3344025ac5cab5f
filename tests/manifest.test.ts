import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { validateXML, type XMLFileInfo, type XMLValidationResult } from "xmllint-wasm";

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
