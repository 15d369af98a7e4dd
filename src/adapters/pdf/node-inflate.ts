import { constants, inflateSync } from "node:zlib";
import type { Inflate } from "../../core/verification/pdf/inflate.ts";

/** A fast synchronous zlib inflater for the PDF reader, bounded by `maxOutput` and tolerant of a truncated end. */
export const nodeInflate: Inflate = async (data, maxOutput) =>
  inflateSync(data, { maxOutputLength: maxOutput, finishFlush: constants.Z_SYNC_FLUSH });
