/**
 * Loads office.js only when the page is opened by an Office host.
 *
 * Outside Office, office.js falls back to its Office 2013 path (o15apptofilemappingtable.js), which after 3 s
 * adds a hidden iframe to https://telemetryservice.firstpartyapps.oaspapps.com/. The standalone page must make
 * no request beyond this server (SPEC §1), so in a plain browser office.js is not loaded at all. Inside Office the
 * file is the project's local copy (build/office-js/, see webpack.config.js) unless the pane was built with
 * `--env officejs=cdn`, which sets `__OFFICE_JS_URL__` to Microsoft's CDN.
 */

/** The local copy of @microsoft/office-js, relative to taskpane.html. */
export const LOCAL_OFFICE_JS_URL = "office-js/office.js";
/** Microsoft's hosted office.js, for `--env officejs=cdn` builds. */
export const CDN_OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Replaced at build time by webpack's DefinePlugin; undeclared (so the local copy) in tests. */
declare const __OFFICE_JS_URL__: string | undefined;

/** The build's office.js URL: the define when it is one of the two known URLs, else the local copy. */
export function officeJsUrl(
  defined: string | undefined = typeof __OFFICE_JS_URL__ === "string" ? __OFFICE_JS_URL__ : undefined,
): string {
  return defined === CDN_OFFICE_JS_URL ? CDN_OFFICE_JS_URL : LOCAL_OFFICE_JS_URL;
}

/** Where this build loads office.js from inside Office. */
export const OFFICE_JS_URL = officeJsUrl();

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
