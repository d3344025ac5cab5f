export interface SideloadStep {
  what: string;
  command: string;
  args: string[];
  check?: boolean;
  skipRestOnSuccess?: boolean;
}
export interface SideloadCopy {
  from: string;
  toDir: string;
  name: string;
}
export interface SideloadPlan {
  /** Commands of which one must succeed before anything is done (Excel is installed). */
  detect: Array<{ what: string; command: string; args: string[] }>;
  steps: SideloadStep[];
  copies: SideloadCopy[];
  notes: string[];
  trustCommand?: string[];
}
export interface SideloadOutcome {
  done: string[];
  skipped: string | null;
  failed: string | null;
}
export declare const WEF_DEVELOPER_KEY: string;
export declare const EXCEL_USER_KEY: string;
export declare const MAC_EXCEL_APP: string;
export declare function manifestId(xml: string): string;
export declare function windowsPlan(o: {
  manifestPath: string;
  addinId: string;
  caCertPath: string;
  caSerial: string;
}): SideloadPlan;
export declare function macPlan(o: { home: string; manifestPath: string; caCertPath: string }): SideloadPlan;
export declare function macWefDir(home: string): string;
export declare function sideloadPlan(o: {
  platform: NodeJS.Platform;
  home: string;
  manifestPath: string;
  manifestXml: string;
  caCertPath: string;
  caSerial: string;
  exists: (path: string) => boolean;
}): SideloadPlan | null;
export declare function runSideload(
  plan: SideloadPlan,
  io: {
    exec: (command: string, args: string[]) => { status: number | null };
    copy: (from: string, toDir: string, name: string) => void;
  },
): SideloadOutcome;
export declare function quotePosix(arg: string): string;
