export interface StartOptions {
  help: boolean;
  https: boolean;
  sideload: boolean;
  build: boolean;
  /** A built folder to serve instead of build/ (null: build/). */
  dir: string | null;
  officejs: "local" | "cdn";
  port: number;
}
export declare const USAGE: string;
export declare function parseStartOptions(argv: string[], env?: Record<string, string | undefined>): StartOptions;
export declare function webpackArgs(options: Pick<StartOptions, "officejs">): string[];
