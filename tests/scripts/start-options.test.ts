/** `npm start` options (scripts/lib/start-options.cjs) and the webpack arguments they lead to. */
import { parseStartOptions, webpackArgs } from "../../scripts/lib/start-options.cjs";

test("by default: HTTPS on 3000, sideloading on, built with the local office.js", () => {
  const o = parseStartOptions([], {});
  expect(o).toEqual({
    help: false,
    https: true,
    sideload: true,
    build: true,
    dir: null,
    officejs: "local",
    port: 3000,
  });
  expect(webpackArgs(o)).toEqual(["--mode", "production"]);
});

test("flags and PORT", () => {
  expect(parseStartOptions(["--http-only"], {})).toMatchObject({ https: false, sideload: false });
  expect(parseStartOptions(["--no-sideload"], {})).toMatchObject({ https: true, sideload: false });
  expect(parseStartOptions(["--no-build"], { PORT: "4000" })).toMatchObject({ build: false, port: 4000 });
  expect(parseStartOptions(["--dir", "/tmp/pane"], {})).toMatchObject({ build: false, dir: "/tmp/pane" });
  const cdn = parseStartOptions(["--officejs=cdn"], {});
  expect(webpackArgs(cdn)).toEqual(["--mode", "production", "--env", "officejs=cdn"]);
  expect(parseStartOptions(["-h"], {}).help).toBe(true);
});

test.each<[string[], Record<string, string>, RegExp]>([
  [["--sideload-now"], {}, /Unknown option '--sideload-now'/],
  [["--officejs=unpkg"], {}, /"local" or "cdn"/],
  [["extra"], {}, /positional/],
  [[], { PORT: "70000" }, /PORT must be 1-65535/],
  [[], { PORT: "abc" }, /PORT must be 1-65535/],
])("rejects %j with env %j", (argv, env, message) => {
  expect(() => parseStartOptions(argv, env)).toThrow(message);
});
