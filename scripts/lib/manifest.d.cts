export declare const DEV_BASE: string;
export declare const DEV_ORIGIN: string;
export declare function normalizeBase(input: string): string;
export declare function rebaseManifest(xml: string, base: string): string;
