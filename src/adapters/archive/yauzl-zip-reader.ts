import yauzl, { type Entry, type ZipFile } from "yauzl";
import { DomainError } from "../../core/errors.ts";
import type { ArchiveEntry, ZipReader } from "../../core/issuance/issuance.ports.ts";

type Problem = Awaited<ReturnType<ZipReader["read"]>>["problems"][number];

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The entry's name if it is a safe relative path ("a.pdf", "2026/a.pdf"), else null. */
export function safeEntryName(raw: Buffer): string | null {
  let name: string;
  try {
    name = utf8.decode(raw);
  } catch {
    return null;
  }
  if (name.length === 0 || name.length > 255) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f\\:]/.test(name) || name.startsWith("/")) return null;
  const parts = name.split("/");
  if (parts.some((p, i) => p === ".." || p === "." || (p === "" && i !== parts.length - 1))) return null;
  return name.normalize("NFC");
}

const printable = (raw: Buffer) =>
  raw
    .toString("latin1")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: shown to people, so control characters go
    .replace(/[\u0000-\u001f\u007f]/g, "?")
    .slice(0, 200);

const open = (zip: Uint8Array) =>
  new Promise<ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(
      Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength),
      { lazyEntries: true, decodeStrings: false, validateEntrySizes: true },
      (err, file) => (err || !file ? reject(err) : resolve(file)),
    ),
  );

const readEntry = (file: ZipFile, entry: Entry) =>
  new Promise<Uint8Array>((resolve, reject) =>
    file.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err);
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("error", reject);
      stream.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    }),
  );

/** ZIP archives with yauzl, which checks every entry's real size against the declared one. */
export const yauzlZipReader: ZipReader = {
  async read(zip, limits) {
    let file: ZipFile;
    try {
      file = await open(zip);
    } catch (cause) {
      throw new DomainError("archive_invalid", { cause });
    }
    if (file.entryCount > limits.maxEntries) {
      file.close();
      throw new DomainError("archive_too_large");
    }
    const entries: ArchiveEntry[] = [];
    const problems: Problem[] = [];
    let total = 0;
    try {
      await new Promise<void>((resolve, reject) => {
        file.on("error", reject);
        file.on("end", resolve);
        file.on("entry", (entry: Entry) => {
          const raw = entry.fileName as unknown as Buffer;
          const name = safeEntryName(raw);
          const next = () => file.readEntry();
          if (name?.endsWith("/")) return next(); // a folder
          if (!name) {
            problems.push({ file: printable(raw), code: "file_unsafe_name" });
            return next();
          }
          if (entry.uncompressedSize > limits.maxEntryBytes) {
            problems.push({ file: name, code: "file_too_large" });
            return next();
          }
          total += entry.uncompressedSize;
          if (total > limits.maxTotalBytes) return reject(new DomainError("archive_too_large"));
          if (entry.isEncrypted()) {
            problems.push({ file: name, code: "file_unreadable" });
            return next();
          }
          readEntry(file, entry).then(
            (bytes) => {
              entries.push({ name, bytes });
              next();
            },
            () => {
              problems.push({ file: name, code: "file_unreadable" });
              next();
            },
          );
        });
        file.readEntry();
      });
    } catch (cause) {
      if (cause instanceof DomainError) throw cause;
      throw new DomainError("archive_invalid", { cause });
    } finally {
      file.close();
    }
    return { entries, problems };
  },
};
