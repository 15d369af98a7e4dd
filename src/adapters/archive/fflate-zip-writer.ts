import { type Zippable, zipSync } from "fflate";
import type { ZipWriter } from "../../core/privacy/privacy.ports.ts";

/** ZIP archives built in memory with fflate: deflated entries, or stored ones for files already compressed. */
export const fflateZipWriter: ZipWriter = {
  write(entries) {
    const files: Zippable = {};
    for (const entry of entries) files[entry.name] = [entry.bytes, { level: entry.store ? 0 : 6 }];
    return zipSync(files);
  },
};
