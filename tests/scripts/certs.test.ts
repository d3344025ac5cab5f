/**
 * The dev certificates of `npm start` (scripts/lib/certs.cjs, scripts/lib/x509.cjs): Node's X509Certificate
 * parses and verifies them, a real TLS handshake to localhost succeeds with only the CA trusted, and they are
 * kept, renewed or replaced as they should be.
 */
import { X509Certificate } from "node:crypto";
import fs from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { ensureDevCerts } from "../../scripts/lib/certs.cjs";
import { ipBytes, oid } from "../../scripts/lib/x509.cjs";

const DAY = 86400000;
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zhibu-certs-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** GET https://localhost:port/ trusting only `ca`; resolves with the body or rejects with the TLS error. */
async function fetchOverTls(certs: { cert: string; key: string }, ca: string | undefined, servername?: string) {
  const server = https.createServer({ cert: certs.cert, key: certs.key }, (_req, res) => res.end("ok"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<string>((resolve, reject) => {
      const req = https.get(
        { host: "127.0.0.1", servername: servername ?? "localhost", port, path: "/", ca, agent: false },
        (res) => {
          let body = "";
          res.on("data", (c: Buffer) => (body += c.toString()));
          res.on("end", () => resolve(body));
        },
      );
      req.on("error", reject);
    });
  } finally {
    server.close();
  }
}

test("DER building blocks encode like the standard examples", () => {
  expect(oid("1.2.840.113549.1.1.11").toString("hex")).toBe("06092a864886f70d01010b");
  expect(oid("2.5.29.17").toString("hex")).toBe("0603551d11");
  expect(ipBytes("127.0.0.1").toString("hex")).toBe("7f000001");
  expect(ipBytes("::1").toString("hex")).toBe("00000000000000000000000000000001");
});

test("first start creates a CA and a localhost certificate that Node verifies", () => {
  const certs = ensureDevCerts(dir);
  expect(certs.createdCa).toBe(true);
  expect(certs.createdCert).toBe(true);
  const ca = new X509Certificate(certs.ca);
  const leaf = new X509Certificate(certs.cert);
  expect(ca.ca).toBe(true);
  expect(ca.verify(ca.publicKey)).toBe(true);
  expect(leaf.ca).toBe(false);
  expect(leaf.checkIssued(ca)).toBe(true);
  expect(leaf.verify(ca.publicKey)).toBe(true);
  expect(leaf.checkHost("localhost")).toBe("localhost");
  expect(leaf.checkIP("127.0.0.1")).toBe("127.0.0.1");
  expect(leaf.checkIP("::1")).toBe("::1");
  expect(leaf.checkHost("example.com")).toBeUndefined();
  expect(leaf.keyUsage).toContain("1.3.6.1.5.5.7.3.1"); // serverAuth
  const days = (x: X509Certificate) => (Date.parse(x.validTo) - Date.parse(x.validFrom)) / DAY;
  expect(days(leaf)).toBeLessThanOrEqual(398);
  expect(days(ca)).toBeGreaterThan(3000);
  expect(certs.caFingerprint).toBe(ca.fingerprint256);
  for (const f of ["ca.crt", "ca.key", "localhost.crt", "localhost.key"])
    expect(fs.existsSync(path.join(dir, f))).toBe(true);
  if (process.platform !== "win32") {
    expect(fs.statSync(certs.paths.caKey).mode & 0o077).toBe(0);
    expect(fs.statSync(certs.paths.key).mode & 0o077).toBe(0);
  }
});

test("a TLS client that trusts only the CA connects to localhost; without it, or for another name, it refuses", async () => {
  const certs = ensureDevCerts(dir);
  await expect(fetchOverTls(certs, certs.ca)).resolves.toBe("ok");
  await expect(fetchOverTls(certs, undefined)).rejects.toThrow(/self[- ]signed|unable to (get|verify)/i);
  await expect(fetchOverTls(certs, certs.ca, "intranet.example.edu")).rejects.toThrow(/altnames|does not match/i);
});

test("later starts reuse the certificates; an expiring one is renewed by the same CA", () => {
  const first = ensureDevCerts(dir);
  const again = ensureDevCerts(dir);
  expect(again.createdCa).toBe(false);
  expect(again.createdCert).toBe(false);
  expect(again.cert).toBe(first.cert);

  const later = ensureDevCerts(dir, { now: new Date(Date.now() + 380 * DAY) });
  expect(later.createdCa).toBe(false);
  expect(later.createdCert).toBe(true);
  expect(later.caFingerprint).toBe(first.caFingerprint);
  const leaf = new X509Certificate(later.cert);
  expect(leaf.verify(new X509Certificate(first.ca).publicKey)).toBe(true);
  expect(Date.parse(leaf.validTo)).toBeGreaterThan(Date.now() + 700 * DAY);
});

test("a damaged certificate is replaced, a damaged or expired CA means a new CA and certificate", () => {
  const first = ensureDevCerts(dir);
  fs.writeFileSync(first.paths.cert, "not a certificate");
  const fixed = ensureDevCerts(dir);
  expect(fixed.createdCa).toBe(false);
  expect(fixed.createdCert).toBe(true);
  expect(new X509Certificate(fixed.cert).checkIssued(new X509Certificate(fixed.ca))).toBe(true);

  const decade = ensureDevCerts(dir, { now: new Date(Date.now() + 3640 * DAY) });
  expect(decade.createdCa).toBe(true);
  expect(decade.caFingerprint).not.toBe(first.caFingerprint);

  fs.writeFileSync(decade.paths.caKey, "garbage");
  const rebuilt = ensureDevCerts(dir);
  expect(rebuilt.createdCa).toBe(true);
  expect(rebuilt.createdCert).toBe(true);
});
