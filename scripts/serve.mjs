// Tiny static file server for build/: GET/HEAD only, fixed content types, no directory listing, no path
// traversal. Binds to 127.0.0.1 so the page is reachable only from this machine. HTTP, or HTTPS when given a
// key and certificate (`npm start` does, for Office).
// Usage: node scripts/serve.mjs [dir]   (plain HTTP; PORT env, default 3000; the next free port is used if busy)
import { createReadStream, promises as fsp } from "node:fs";
import { createServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".gif": "image/gif",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const DEFAULT_PAGE = "/taskpane.html";

/** Maps a request path to a file under root, or null when it would escape root or is malformed. */
export function resolveUnder(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const file = resolve(root, "." + (decoded.startsWith("/") ? decoded : "/" + decoded));
  return file === root || file.startsWith(root + sep) ? file : null;
}

function send(res, status, text, headers = {}) {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers });
  res.end(text);
}

/** A static server for `dir`; HTTPS when `tls` ({ key, cert } PEM texts) is given. */
export function createStaticServer(dir, tls) {
  const root = resolve(dir);
  const handler = async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      send(res, 405, "Method Not Allowed\n", { Allow: "GET, HEAD" });
      return;
    }
    const urlPath = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    if (urlPath === "/") {
      send(res, 302, "Found\n", { Location: DEFAULT_PAGE });
      return;
    }
    let file = resolveUnder(root, urlPath);
    if (!file) {
      send(res, 400, "Bad Request\n");
      return;
    }
    try {
      let stat = await fsp.stat(file);
      if (stat.isDirectory()) {
        file = join(file, "index.html");
        stat = await fsp.stat(file);
      }
      if (!stat.isFile()) throw new Error("not a file");
      res.writeHead(200, {
        "Content-Type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": stat.size,
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
      });
      if (req.method === "HEAD") {
        res.end();
        return;
      }
      createReadStream(file)
        .on("error", () => res.destroy())
        .pipe(res);
    } catch {
      send(res, 404, "Not Found\n");
    }
  };
  return tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handler) : createServer(handler);
}

/** Listens on the first free port from `port` on; resolves with the server and the page URL. */
export async function serve({ dir, host = "127.0.0.1", port = 3000, tries = 20, tls }) {
  for (let p = port; p < port + tries; p++) {
    const server = createStaticServer(dir, tls);
    const listening = await new Promise((ok, fail) => {
      server.once("error", (err) => (err.code === "EADDRINUSE" ? ok(false) : fail(err)));
      server.listen(p, host, () => ok(true));
    });
    if (listening) {
      const url = `${tls ? "https" : "http"}://${host === "127.0.0.1" ? "localhost" : host}:${p}${DEFAULT_PAGE}`;
      return { server, port: p, url };
    }
  }
  throw new Error(`ports ${port}-${port + tries - 1} on ${host} are all in use; set PORT to another port`);
}

export function portFromEnv(env = process.env) {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be 1-65535, got "${env.PORT}"`);
  return port;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? "build";
  const { url } = await serve({ dir, port: portFromEnv() });
  console.log(`Serving ${resolve(dir)} at ${url}  (Ctrl+C to stop)`);
}
