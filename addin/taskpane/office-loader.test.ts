import {
  CDN_OFFICE_JS_URL,
  LOCAL_OFFICE_JS_URL,
  OFFICE_JS_URL,
  hasOfficeHostHint,
  officeJsUrl,
  type HostProbeWindow,
} from "./office-loader";

function plainBrowser(over: Partial<HostProbeWindow> = {}): HostProbeWindow {
  return {
    location: { search: "" },
    name: "",
    sessionStorage: { getItem: () => null },
    external: {},
    chrome: { runtime: {} },
    ...over,
  };
}

describe("hasOfficeHostHint", () => {
  it("is false in a plain browser and without any window (Node)", () => {
    expect(hasOfficeHostHint(plainBrowser())).toBe(false);
    expect(hasOfficeHostHint(plainBrowser({ location: { search: "?lang=en" } }))).toBe(false);
    expect(hasOfficeHostHint(undefined)).toBe(false);
  });

  it.each<[string, Partial<HostProbeWindow>]>([
    ["_host_Info in the query", { location: { search: "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0" } }],
    ["host info in window.name", { name: '{"hostInfo":"Excel|Web|16.00|zh-CN"}' }],
    [
      "host info kept in sessionStorage",
      { sessionStorage: { getItem: (k) => (k === "hostInfoValue" ? "Excel$Mac$16.00" : null) } },
    ],
    ["window.external.GetHostInfo", { external: { GetHostInfo: () => "" } }],
    ["an agaveHost bridge", { agaveHost: {} }],
    ["a WebView2 bridge", { chrome: { webview: {} } }],
    ["a WKWebView bridge", { webkit: { messageHandlers: {} } }],
  ])("is true with %s", (_name, over) => {
    expect(hasOfficeHostHint(plainBrowser(over))).toBe(true);
  });

  it("survives storage that throws", () => {
    const win = plainBrowser({
      sessionStorage: {
        getItem: () => {
          throw new Error("denied");
        },
      },
    });
    expect(hasOfficeHostHint(win)).toBe(false);
  });
});

describe("officeJsUrl", () => {
  it("is the local copy unless the build chose Microsoft's CDN", () => {
    expect(officeJsUrl(undefined)).toBe(LOCAL_OFFICE_JS_URL);
    expect(officeJsUrl("office-js/office.js")).toBe(LOCAL_OFFICE_JS_URL);
    expect(officeJsUrl(CDN_OFFICE_JS_URL)).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  });

  it("never loads from an unknown URL, and defaults to the local copy outside a webpack build", () => {
    expect(officeJsUrl("https://example.com/office.js")).toBe(LOCAL_OFFICE_JS_URL);
    expect(officeJsUrl()).toBe(LOCAL_OFFICE_JS_URL);
    expect(OFFICE_JS_URL).toBe(LOCAL_OFFICE_JS_URL);
  });
});
