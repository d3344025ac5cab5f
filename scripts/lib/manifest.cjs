// manifest.xml with another base URL: every https://localhost:3000/… URL is moved under `base`, and the
// AppDomain becomes base's origin. Used by `npm run manifest` (deploying build/ to another HTTPS host) and by
// `npm start` when port 3000 was busy.
const DEV_BASE = "https://localhost:3000/";
const DEV_ORIGIN = "https://localhost:3000";

/** Checks and normalises a base URL: absolute HTTPS (Office refuses plain HTTP), no query, ends with "/". */
function normalizeBase(input) {
  let url;
  try {
    url = new URL(input);
  } catch {
    throw new Error(`"${input}" is not an absolute URL; give one like https://intranet.example.edu/zhibu/`);
  }
  if (url.protocol !== "https:")
    throw new Error(`Office loads add-ins only over HTTPS; "${input}" is ${url.protocol.slice(0, -1)}`);
  if (url.search || url.hash) throw new Error(`the base URL must not have a query or fragment: "${input}"`);
  if (url.username || url.password) throw new Error(`the base URL must not contain a user name or password`);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

function escapeXmlAttr(s) {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The manifest text with its URLs under `base` (see normalizeBase). Throws if the manifest has no dev URLs. */
function rebaseManifest(xml, base) {
  const href = normalizeBase(base);
  const origin = new URL(href).origin;
  if (!xml.includes(DEV_BASE)) throw new Error(`manifest has no ${DEV_BASE} URLs to replace`);
  return xml
    .split(DEV_BASE)
    .join(escapeXmlAttr(href))
    .replace(
      /<AppDomain>\s*https:\/\/localhost:3000\s*<\/AppDomain>/g,
      `<AppDomain>${escapeXmlAttr(origin)}</AppDomain>`,
    )
    .replace(
      /(<!--[\s\S]*?)The URLs point at https:\/\/localhost:3000[^\n]*\n/,
      `$1The URLs point at ${href} (written by npm run manifest).\n`,
    );
}

module.exports = { DEV_BASE, DEV_ORIGIN, normalizeBase, rebaseManifest };
