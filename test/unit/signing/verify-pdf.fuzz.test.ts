import { beforeAll, describe, expect, it } from "vitest";
import { nodeInflate } from "../../../src/adapters/pdf/node-inflate.ts";
import { createPdfSigner } from "../../../src/adapters/pdf/pdf-signer.ts";
import { verifyPdf } from "../../../src/core/verification/verify-pdf.ts";
import { FIELDS, testIdentity, testPki } from "../../support/pki/test-pki.ts";
import { samplePdf } from "../../support/sample-pdf.ts";

/** Deterministic PRNG (mulberry32) so a failure can be replayed from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Corpus {
  bytes: Uint8Array;
  /** Signed ranges of every signature: [start, end) pairs. */
  ranges: [number, number][];
}

function signedRanges(pdf: Uint8Array): [number, number][] {
  const text = Buffer.from(pdf).toString("latin1");
  const out: [number, number][] = [];
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const [a, b, c, d] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    out.push([a, a + b], [c, c + d]);
  }
  return out;
}

const CASES = Number(process.env.SCEAU_FUZZ_CASES ?? 10_000);
const DEADLINE_MS = 2_000;

describe("fuzzing the verifier with mutations of valid signed files", () => {
  const corpus: Corpus[] = [];
  let anchors: Uint8Array[];

  beforeAll(async () => {
    const pki = await testPki();
    anchors = [pki.root.certificateDer];
    const rsa = await testIdentity("RSA-2048");
    const ec = await testIdentity("ECDSA-P256");
    const s1 = createPdfSigner({ chainDer: rsa.chainDer, privateKeyPkcs8: rsa.privateKeyPkcs8 });
    const s2 = createPdfSigner({ chainDer: ec.chainDer, privateKeyPkcs8: ec.privateKeyPkcs8 });
    const a = await s1.sign(await samplePdf({ pages: 1, objectStreams: false }), FIELDS);
    const b = await s2.sign(await samplePdf({ pages: 2 }), FIELDS);
    const c = await s2.sign(a, FIELDS);
    for (const bytes of [a, b, c]) corpus.push({ bytes, ranges: signedRanges(bytes) });
  });

  it(`${CASES} mutated files: no throw, no hang, never valid when signed bytes changed`, {
    timeout: 120_000,
  }, async () => {
    const stats = { cases: 0, valid: 0, signedBytesChanged: 0, maxMs: 0 };
    const random = rng(20260601);
    const int = (n: number) => Math.floor(random() * n);
    for (const base of corpus) {
      const ok = await verifyPdf(base.bytes, { trustAnchorsDer: anchors, now: new Date() });
      expect(ok.valid).toBe(true);
    }
    for (let i = 0; i < CASES; i++) {
      const base = corpus[i % corpus.length] as Corpus;
      const src = base.bytes;
      let out: Uint8Array;
      const kind = int(7);
      if (kind === 0) {
        out = src.slice(0, int(src.length)); // truncation
      } else if (kind === 1 || kind === 2) {
        out = src.slice(); // 1–4 byte flips anywhere
        for (let k = 1 + int(4); k > 0; k--) {
          const at = int(out.length);
          out[at] = (out[at] as number) ^ (1 << int(8));
        }
      } else if (kind === 3) {
        // random object edit: replace a token after an "obj" keyword
        const text = Buffer.from(src).toString("latin1");
        const objs = [...text.matchAll(/\d+ 0 obj/g)];
        const m = objs[int(objs.length)];
        const at = (m?.index ?? 0) + (m?.[0].length ?? 0) + int(40);
        const junk = [
          "[",
          "]",
          "<<",
          ">>",
          "(",
          ")",
          "/X",
          " 9999999999 ",
          " -1 ",
          "1 0 R",
          "%",
          "\n",
          "stream",
          "endobj",
        ][int(14)] as string;
        out = Buffer.concat([
          Buffer.from(src.subarray(0, at)),
          Buffer.from(junk, "latin1"),
          Buffer.from(src.subarray(at + int(3))),
        ]);
      } else if (kind === 4) {
        // random /ByteRange values, same width
        const text = Buffer.from(src).toString("latin1");
        const ms = [...text.matchAll(/\/ByteRange \[[^\]]*\]/g)];
        const m = ms[int(ms.length)];
        const width = (m?.[0].length ?? 20) - "/ByteRange []".length;
        const nums = Array.from({ length: 4 }, () => (random() < 0.3 ? int(10) : int(src.length + 100)));
        const body = nums.join(" ").slice(0, width).padEnd(width, " ");
        out = Buffer.from(src);
        Buffer.from(out.buffer, out.byteOffset).write(`/ByteRange [${body}]`, m?.index ?? 0, "latin1");
      } else if (kind === 5) {
        // random bytes inserted
        const at = int(src.length);
        const ins = Buffer.from(Array.from({ length: 1 + int(16) }, () => int(256)));
        out = Buffer.concat([Buffer.from(src.subarray(0, at)), ins, Buffer.from(src.subarray(at))]);
      } else {
        // an appended pseudo-update redefining a random object
        const n = 1 + int(12);
        const tail = `\n${n} 0 obj\n<< /Type /Page /Contents ${int(20)} 0 R >>\nendobj\nxref\n${n} 1\n${String(src.length + 1).padStart(10, "0")} 00000 n\r\ntrailer\n<< /Size 40 /Root 1 0 R /Prev ${int(src.length)} >>\nstartxref\n${src.length + 40}\n%%EOF\n`;
        out = Buffer.concat([Buffer.from(src), Buffer.from(tail, "latin1")]);
      }

      let changed = out.length !== src.length;
      if (!changed)
        for (const [s, e] of base.ranges) {
          for (let k = s; k < e; k++)
            if (out[k] !== src[k]) {
              changed = true;
              break;
            }
          if (changed) break;
        }
      const started = performance.now();
      const report = await verifyPdf(out, {
        trustAnchorsDer: anchors,
        now: new Date(),
        deadlineMs: DEADLINE_MS,
        inflate: nodeInflate,
      });
      const ms = performance.now() - started;
      stats.cases++;
      stats.maxMs = Math.max(stats.maxMs, ms);
      if (report.valid) stats.valid++;
      if (changed) stats.signedBytesChanged++;
      expect(ms, `case ${i} kind ${kind}`).toBeLessThan(DEADLINE_MS + 1_000);
      if (changed) expect(report.valid, `case ${i} kind ${kind}`).toBe(false);
    }
    console.log(`fuzz: ${JSON.stringify(stats)}`);
    expect(stats.cases).toBe(CASES);
  });
});
