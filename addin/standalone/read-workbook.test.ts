import { readFile } from "node:fs/promises";
import path from "node:path";
import { readWorkbookBuffer as readCliBuffer, readWorkbookFile as readCliFile } from "../../src/xlsx/read";
import { validateWorkbook } from "../../src/core/engine";
import { WorkbookReadError, readWorkbookFile, readWorkbookInBrowser, sniffWorkbook } from "./read-workbook";

const FIXTURE = path.resolve(__dirname, "../../tests/fixtures/samples/roster-messy.xlsx");

function fileLike(name: string, bytes: Uint8Array) {
  return { name, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer };
}

describe("browser-side workbook reading", () => {
  it("snapshots exactly like the CLI's reader", async () => {
    const page = await readWorkbookInBrowser(fileLike("roster-messy.xlsx", await readFile(FIXTURE)), () => undefined);
    expect(page).toEqual((await readCliFile(FIXTURE)).snapshot);
  });

  it("reads a File-like object and validates it to the CLI's counts", async () => {
    const stages: string[] = [];
    const snapshot = await readWorkbookInBrowser(fileLike("roster-messy.xlsx", await readFile(FIXTURE)), (s) =>
      stages.push(s),
    );
    expect(stages).toEqual(["reading", "loading-library", "parsing"]);
    expect(snapshot.name).toBe("roster-messy.xlsx");
    expect(validateWorkbook(snapshot).counts).toEqual({ error: 9, warning: 5, info: 0 });
  });

  it.each<[string, Uint8Array, string]>([
    ["empty", new Uint8Array(), "empty"],
    ["text", new TextEncoder().encode("姓名,身份证号\n"), "not-workbook"],
    [
      "compound file that is no workbook",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      "not-workbook",
    ],
    ["PDF", new TextEncoder().encode("%PDF-1.7\n"), "pdf"],
    ["PNG", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "image"],
    ["broken zip", new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), "corrupt"],
  ])("turns a %s file into a plain failure naming the file", async (_n, bytes, kind) => {
    const err = await readWorkbookInBrowser(fileLike("x.xlsx", bytes)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect(err).toMatchObject({ kind, fileName: "x.xlsx" });
  });

  it("recognises an encrypted (OLE-wrapped) package", () => {
    const name = "EncryptedPackage";
    const bytes = new Uint8Array(8 + name.length * 2);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0]);
    for (let i = 0; i < name.length; i++) bytes[8 + i * 2] = name.charCodeAt(i);
    expect(sniffWorkbook(bytes)).toBe("encrypted");
  });

  const FORMATS = path.resolve(__dirname, "../../tests/fixtures/formats");

  it.each(["roster-libreoffice.xls", "roster-sheetjs.ods", "roster-web-gbk.xls", "roster-unicode.txt"])(
    "reads %s like the CLI, keeping an .xlsx copy for the marked copy",
    async (file) => {
      const bytes = await readFile(path.join(FORMATS, file));
      const stages: string[] = [];
      const opened = await readWorkbookFile(fileLike(file, bytes), (s) => stages.push(s));
      expect(opened.snapshot).toEqual((await readCliFile(path.join(FORMATS, file))).snapshot);
      expect(stages).toEqual(["reading", "loading-library", "parsing"]);
      expect([...opened.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
      expect((await readCliBuffer(Buffer.from(opened.bytes), "copy.xlsx")).snapshot.sheets[0]!.values[1]).toEqual(
        opened.snapshot.sheets[0]!.values[1],
      );
    },
  );
});
