import { prepareSignatureUpdate } from "../../core/signing/prepare-signature-update.ts";
import { nodeInflate } from "./node-inflate.ts";
import { spliceContents } from "./splice-contents.ts";
import { requestTimestamp } from "./timestamp-client.ts";

/** Options of {@link appendDocumentTimestamp}. */
export interface DocumentTimestampOptions {
  /** The RFC 3161 timestamp authority. */
  tsaUrl: string;
  fetch?: typeof fetch;
  /** Bytes reserved for the token (default 12 KiB). */
  reserve?: number;
}

/**
 * Appends a document timestamp (PAdES B-LTA; ISO 32000-2 §12.8.5): an invisible signature field
 * whose /DocTimeStamp dictionary holds an RFC 3161 token over the whole file but its /Contents.
 */
export async function appendDocumentTimestamp(
  pdf: Uint8Array,
  options: DocumentTimestampOptions,
): Promise<Uint8Array> {
  const prepared = await prepareSignatureUpdate(
    pdf,
    { kind: "document_timestamp", contentsCapacity: options.reserve ?? 12_288 },
    { inflate: nodeInflate },
  );
  const [, a, b] = prepared.byteRange;
  const out = prepared.bytes;
  const covered = new Uint8Array(a + (out.length - b));
  covered.set(out.subarray(0, a), 0);
  covered.set(out.subarray(b), a);
  const token = await requestTimestamp(covered, {
    tsaUrl: options.tsaUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return spliceContents(prepared, token);
}
