import type { KeyObject } from "node:crypto";
export interface KeyPair {
  publicKey: KeyObject;
  privateKey: KeyObject;
}
export declare function issue(o: {
  commonName: string;
  ca: boolean;
  dnsNames?: string[];
  ips?: string[];
  notBefore: Date;
  notAfter: Date;
  keys: KeyPair;
  issuer?: { commonName: string; privateKey: KeyObject; publicKey: KeyObject };
}): { cert: string; key: string };
export declare function newKeys(): KeyPair;
export declare function keyId(publicKey: KeyObject): Buffer;
export declare function ipBytes(ip: string): Buffer;
export declare function oid(dotted: string): Buffer;
