import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { ZipCodec } from "./zip-package";

/** ZIP compression for the CLI: Node's zlib. */
export const nodeZipCodec: ZipCodec = {
  inflateRaw: (data) => inflateRawSync(data),
  deflateRaw: (data) => deflateRawSync(data),
};
