/**
 * Loads office.js only when the page is opened by an Office host.
 *
 * Outside Office, office.js falls back to its Office 2013 path (o15apptofilemappingtable.js), which after 3 s
 * adds a hidden iframe to https://telemetryservice.firstpartyapps.oaspapps.com/. The standalone page must make
 * no request beyond this server (SPEC §1), so in a plain browser office.js is not loaded at all. The file is
 * still the project's local copy (build/office-js/, see webpack.config.js), never a CDN.
 */

/** The local copy of @microsoft/office-js, relative to taskpane.html. */
export const OFFICE_JS_URL = "office-js/office.js";

/** The parts of `window` looked at; a parameter so the check can be tested without a browser. */
export interface HostProbeWindow {
  location: { search: string };
  name: string;
  sessionStorage?: { getItem(key: string): string | null };
  external?: unknown;
  chrome?: unknown;
  webkit?: unknown;
  agaveHost?: unknown;
}

function has(obj: unknown, key: string): boolean {
  return typeof obj === "object" && obj !== null && key in obj && (obj as Record<string, unknown>)[key] != null;
}

/**
 * True when anything suggests an Office host: the signals office.js itself reads (`_host_Info` in the query,
 * host info in window.name or sessionStorage, window.external/agaveHost bridges) plus the WebView2/WKWebView
 * bridges. Errs on the side of loading office.js: a false "no" would break the add-in inside Excel, a false
 * "yes" only costs the telemetry frame, which the page's CSP blocks anyway. Being framed is deliberately not a
 * signal: office.js navigates a framed page it finds no host for to about:blank.
 */
export function hasOfficeHostHint(win: HostProbeWindow | undefined = globalThis.window): boolean {
  if (!win) return false;
  try {
    if (/[?&]_host_info=/i.test(win.location.search)) return true;
    if (win.name.includes("hostInfo")) return true;
    if (win.sessionStorage?.getItem("hostInfoValue")) return true;
  } catch {
    // sessionStorage can throw when storage is disabled; carry on with the other signals.
  }
  if (win.agaveHost != null || has(win.external, "GetHostInfo") || has(win.external, "GetContext")) return true;
  return has(win.chrome, "webview") || has(win.webkit, "messageHandlers");
}

let loading: Promise<boolean> | undefined;

/** Adds the office.js script tag once; resolves true when it loaded, false when it failed or timed out. */
export function loadOfficeJs(src = OFFICE_JS_URL, timeoutMs = 15000): Promise<boolean> {
  if (typeof Office !== "undefined") return Promise.resolve(true);
  loading ??= new Promise<boolean>((resolve) => {
    const script = document.createElement("script");
    const timer = setTimeout(() => resolve(false), timeoutMs);
    script.src = src;
    script.onload = () => {
      clearTimeout(timer);
      resolve(typeof Office !== "undefined");
    };
    script.onerror = () => {
      clearTimeout(timer);
      resolve(false);
    };
    document.head.appendChild(script);
  });
  return loading;
}
