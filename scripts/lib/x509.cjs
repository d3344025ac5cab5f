// X.509 certificates with Node's own crypto: a small DER encoder for the certificate structure (RFC 5280),
// RSA-2048 keys and SHA-256 signatures from node:crypto. Enough for a local CA and a localhost server
// certificate; Node's X509Certificate parses and verifies the result (tests/scripts/x509.test.ts).
const nodeCrypto = require("node:crypto");

function length(n) {
  if (n < 0x80) return Buffer.from([n]);
  const bytes = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const tlv = (tag, content) => Buffer.concat([Buffer.from([tag]), length(content.length), content]);
const seq = (...parts) => tlv(0x30, Buffer.concat(parts));
const set = (...parts) => tlv(0x31, Buffer.concat(parts));
const explicit = (n, content) => tlv(0xa0 | n, content);
const octets = (buf) => tlv(0x04, buf);
const bool = (b) => tlv(0x01, Buffer.from([b ? 0xff : 0x00]));
const NULL = Buffer.from([0x05, 0x00]);

/** A non-negative INTEGER from big-endian bytes (a leading 0 keeps the sign bit clear). */
function integer(bytes) {
  let b = Buffer.from(bytes);
  while (b.length > 1 && b[0] === 0 && (b[1] & 0x80) === 0) b = b.subarray(1);
  if (b[0] & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(0x02, b);
}

function oid(dotted) {
  const [a, b, ...rest] = dotted.split(".").map(Number);
  const out = [40 * a + b];
  for (const n of rest) {
    const groups = [];
    for (let v = n; ; v = Math.floor(v / 128)) {
      groups.unshift(v & 0x7f);
      if (v < 128) break;
    }
    out.push(...groups.map((g, i) => (i < groups.length - 1 ? g | 0x80 : g)));
  }
  return tlv(0x06, Buffer.from(out));
}

function bitString(buf, unusedBits = 0) {
  return tlv(0x03, Buffer.concat([Buffer.from([unusedBits]), buf]));
}

/** KeyUsage bits (bit 0 = digitalSignature is the byte's most significant bit), trailing zeros dropped. */
function keyUsage(bits) {
  let byte = 0;
  for (const bit of bits) byte |= 0x80 >> bit;
  let unused = 0;
  while (unused < 7 && !(byte & (1 << unused))) unused++;
  return bitString(Buffer.from([byte]), unused);
}

/** UTCTime up to 2049, GeneralizedTime from 2050 on (RFC 5280 §4.1.2.5). */
function time(date) {
  const iso = date.toISOString().replace(/[-:T]/g, "").slice(0, 14) + "Z";
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2))) : tlv(0x18, Buffer.from(iso));
}

const name = (commonName) =>
  seq(
    set(seq(oid("2.5.4.10"), tlv(0x0c, Buffer.from("zhibu-sheets")))),
    set(seq(oid("2.5.4.3"), tlv(0x0c, Buffer.from(commonName)))),
  );

const extension = (id, critical, value) => seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));

const SHA256_WITH_RSA = seq(oid("1.2.840.113549.1.1.11"), NULL);
const OID = {
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  subjectAltName: "2.5.29.17",
  subjectKeyId: "2.5.29.14",
  authorityKeyId: "2.5.29.35",
  serverAuth: "1.3.6.1.5.5.7.3.1",
};

/** SHA-1 of the subjectPublicKey bits (RFC 5280 §4.2.1.2, method 1). */
function keyId(publicKey) {
  const spki = publicKey.export({ type: "spki", format: "der" });
  // SPKI = SEQUENCE { AlgorithmIdentifier, BIT STRING }: the key bits are the BIT STRING's content after its
  // unused-bits byte. Parsing the two headers is simpler than re-encoding the key.
  const header = (offset) => {
    const lenByte = spki[offset + 1];
    const lenLen = lenByte & 0x80 ? lenByte & 0x7f : 0;
    let len = lenLen ? 0 : lenByte;
    for (let i = 0; i < lenLen; i++) len = len * 256 + spki[offset + 2 + i];
    return { start: offset + 2 + lenLen, len };
  };
  const outer = header(0);
  const alg = header(outer.start);
  const bits = header(alg.start + alg.len);
  return nodeCrypto
    .createHash("sha1")
    .update(spki.subarray(bits.start + 1, bits.start + bits.len))
    .digest();
}

function ipBytes(ip) {
  if (ip.includes(":")) {
    const [head, tail = ""] = ip.split("::");
    const h = head ? head.split(":") : [];
    const t = tail ? tail.split(":") : [];
    const groups = [...h, ...Array(8 - h.length - t.length).fill("0"), ...t];
    return Buffer.from(groups.flatMap((g) => [(parseInt(g, 16) >> 8) & 0xff, parseInt(g, 16) & 0xff]));
  }
  return Buffer.from(ip.split(".").map(Number));
}

/**
 * Issues a certificate. `issuer` is { cert: {commonName}, key, publicKey } of the signing CA, or omitted for a
 * self-signed CA. Returns PEM strings.
 */
function issue({ commonName, ca, dnsNames = [], ips = [], notBefore, notAfter, keys, issuer }) {
  const { publicKey, privateKey } = keys;
  const signerKey = issuer ? issuer.privateKey : privateKey;
  const signerName = issuer ? issuer.commonName : commonName;
  const signerKeyId = keyId(issuer ? issuer.publicKey : publicKey);
  const serial = nodeCrypto.randomBytes(16);
  serial[0] &= 0x7f;
  const extensions = [
    extension(OID.basicConstraints, true, ca ? seq(bool(true), integer([0])) : seq()),
    extension(OID.keyUsage, true, ca ? keyUsage([0, 5, 6]) : keyUsage([0, 2])),
    extension(OID.subjectKeyId, false, octets(keyId(publicKey))),
    extension(OID.authorityKeyId, false, seq(tlv(0x80, signerKeyId))),
  ];
  if (!ca) {
    extensions.push(extension(OID.extKeyUsage, false, seq(oid(OID.serverAuth))));
    const alt = [...dnsNames.map((d) => tlv(0x82, Buffer.from(d))), ...ips.map((ip) => tlv(0x87, ipBytes(ip)))];
    extensions.push(extension(OID.subjectAltName, false, seq(...alt)));
  }
  const tbs = seq(
    explicit(0, integer([2])),
    integer(serial),
    SHA256_WITH_RSA,
    name(signerName),
    seq(time(notBefore), time(notAfter)),
    name(commonName),
    publicKey.export({ type: "spki", format: "der" }),
    explicit(3, seq(...extensions)),
  );
  const signature = nodeCrypto.sign("sha256", tbs, signerKey);
  const der = seq(tbs, SHA256_WITH_RSA, bitString(signature));
  const pem = `-----BEGIN CERTIFICATE-----\n${der
    .toString("base64")
    .match(/.{1,64}/g)
    .join("\n")}\n-----END CERTIFICATE-----\n`;
  return { cert: pem, key: privateKey.export({ type: "pkcs8", format: "pem" }) };
}

const newKeys = () => nodeCrypto.generateKeyPairSync("rsa", { modulusLength: 2048 });

module.exports = { issue, newKeys, keyId, ipBytes, oid };
