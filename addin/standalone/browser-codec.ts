import type { ZipCodec } from "../../src/xlsx/fix/zip-package";

async function through(stream: CompressionStream | DecompressionStream, data: Uint8Array): Promise<Uint8Array> {
  const out = new Blob([data as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** ZIP compression in the browser: its own compression streams, no library. */
export const browserZipCodec: ZipCodec = {
  inflateRaw: (data) => through(new DecompressionStream("deflate-raw"), data),
  deflateRaw: (data) => through(new CompressionStream("deflate-raw"), data),
};
