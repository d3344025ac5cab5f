/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["src", "tests", "addin"]
    .filter((d) => require("node:fs").existsSync(`${__dirname}/${d}`))
    .map((d) => `<rootDir>/${d}`),
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(t|j)sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", tsx: true },
          transform: { react: { runtime: "automatic" } },
          target: "es2022",
        },
      },
    ],
  },
  testTimeout: 120000,
  globalSetup: "<rootDir>/tests/setup/build-dist.js",
};
