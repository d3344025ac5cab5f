// Local HTTPS for `npm start`: a development CA and a localhost certificate it signs, kept in .certs/.
// The CA lives 10 years so trusting it once is enough; the server certificate lives 397 days (within the
// browsers' and macOS's limits for TLS certificates) and is re-issued by the same CA when it nears expiry.
const nodeCrypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { issue, newKeys } = require("./x509.cjs");

const DAY = 86400000;
const RENEW_BEFORE_DAYS = 30;
const CA_NAME = "zhibu-sheets localhost CA";
const FILES = { caCert: "ca.crt", caKey: "ca.key", cert: "localhost.crt", key: "localhost.key" };

function readIf(file) {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

function stillValid(x509, now) {
  return (
    new Date(x509.validFrom).getTime() <= now.getTime() &&
    new Date(x509.validTo).getTime() - now.getTime() > RENEW_BEFORE_DAYS * DAY
  );
}

function loadCa(dir, now) {
  const pem = readIf(path.join(dir, FILES.caCert));
  const keyPem = readIf(path.join(dir, FILES.caKey));
  if (!pem || !keyPem) return null;
  try {
    const cert = new nodeCrypto.X509Certificate(pem);
    const privateKey = nodeCrypto.createPrivateKey(keyPem);
    if (!cert.ca || !cert.checkPrivateKey(privateKey) || !stillValid(cert, now)) return null;
    return { cert, pem, privateKey, publicKey: cert.publicKey, commonName: CA_NAME };
  } catch {
    return null;
  }
}

function leafValid(dir, ca, now) {
  const pem = readIf(path.join(dir, FILES.cert));
  const keyPem = readIf(path.join(dir, FILES.key));
  if (!pem || !keyPem) return false;
  try {
    const cert = new nodeCrypto.X509Certificate(pem);
    return (
      cert.checkIssued(ca.cert) &&
      cert.verify(ca.publicKey) &&
      cert.checkPrivateKey(nodeCrypto.createPrivateKey(keyPem)) &&
      cert.checkHost("localhost") !== undefined &&
      stillValid(cert, now)
    );
  } catch {
    return false;
  }
}

function write(file, text, mode) {
  fs.writeFileSync(file, text, { mode });
  fs.chmodSync(file, mode);
}

/**
 * Makes sure `dir` holds a usable CA and localhost certificate; creates or renews what is missing or expiring.
 * Returns the file paths, the PEM texts for https.createServer, the CA's SHA-256 fingerprint and what was made.
 */
function ensureDevCerts(dir, { now = new Date() } = {}) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const paths = Object.fromEntries(Object.entries(FILES).map(([k, f]) => [k, path.join(dir, f)]));
  let ca = loadCa(dir, now);
  const createdCa = ca === null;
  if (!ca) {
    const keys = newKeys();
    const made = issue({
      commonName: CA_NAME,
      ca: true,
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + 3650 * DAY),
      keys,
    });
    write(paths.caKey, made.key, 0o600);
    write(paths.caCert, made.cert, 0o644);
    ca = loadCa(dir, now);
    if (!ca) throw new Error(`could not create a usable CA in ${dir}`);
  }
  const createdCert = createdCa || !leafValid(dir, ca, now);
  if (createdCert) {
    const made = issue({
      commonName: "localhost",
      ca: false,
      dnsNames: ["localhost"],
      ips: ["127.0.0.1", "::1"],
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + 397 * DAY),
      keys: newKeys(),
      issuer: ca,
    });
    write(paths.key, made.key, 0o600);
    write(paths.cert, made.cert, 0o644);
  }
  return {
    paths,
    cert: fs.readFileSync(paths.cert, "utf8"),
    key: fs.readFileSync(paths.key, "utf8"),
    ca: ca.pem,
    caFingerprint: ca.cert.fingerprint256,
    caSerial: ca.cert.serialNumber,
    createdCa,
    createdCert,
  };
}

module.exports = { ensureDevCerts, CA_NAME, FILES };
