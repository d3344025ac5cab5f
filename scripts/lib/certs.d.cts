export interface DevCerts {
  paths: { caCert: string; caKey: string; cert: string; key: string };
  cert: string;
  key: string;
  ca: string;
  caFingerprint: string;
  caSerial: string;
  createdCa: boolean;
  createdCert: boolean;
}
export declare const CA_NAME: string;
export declare const FILES: { caCert: string; caKey: string; cert: string; key: string };
export declare function ensureDevCerts(dir: string, options?: { now?: Date }): DevCerts;
