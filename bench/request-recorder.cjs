// Estimates what an Office.js batch sends to Excel: every method call on a proxy object (name + JSON of its
// arguments) and every property write (name + JSON of the value), as Office.js serialises them into the request
// of the next sync. Wraps a `run(batch)` so the batch sees recording views of the host's proxies.
"use strict";

const bytes = (s) => Buffer.byteLength(s, "utf8");

/** Objects worth wrapping: the host's proxies (class instances) and plain objects holding them (range.format). */
function isProxyLike(v) {
  if (typeof v !== "object" || v === null || Array.isArray(v) || typeof v.then === "function") return false;
  const proto = Object.getPrototypeOf(v);
  if (proto !== null && proto !== Object.prototype) return true;
  // Data properties only: a getter may be an unloaded host property, which throws when read.
  return Object.values(Object.getOwnPropertyDescriptors(v)).some((d) => "value" in d && isProxyLike(d.value));
}

function recordingRun(run) {
  const stats = { calls: 0, writes: 0, bytes: 0 };
  const views = new WeakMap();
  const wrap = (v) => {
    if (Array.isArray(v)) return v.length > 0 && isProxyLike(v[0]) ? v.map(wrap) : v;
    if (!isProxyLike(v)) return v;
    let view = views.get(v);
    if (!view) {
      view = new Proxy(v, {
        get(target, prop) {
          const value = Reflect.get(target, prop, target);
          if (typeof value !== "function") return wrap(value);
          return (...args) => {
            if (prop !== "sync") {
              stats.calls++;
              stats.bytes += bytes(JSON.stringify([String(prop), args]) ?? "");
            }
            return wrap(value.apply(target, args));
          };
        },
        set(target, prop, value) {
          stats.writes++;
          stats.bytes += bytes(JSON.stringify([String(prop), value]) ?? "");
          return Reflect.set(target, prop, value, target);
        },
      });
      views.set(v, view);
    }
    return view;
  };
  return { stats, run: (batch) => run((context) => batch(wrap(context))) };
}

module.exports = { recordingRun };
