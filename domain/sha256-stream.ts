// A seeded stream of random numbers anyone can recompute from the recorded seed: block k of the stream is
// SHA-256(UTF-8(seed) ‖ k as a 4-byte big-endian counter), k = 0, 1, 2, …, read as eight big-endian 32-bit words.
// SHA-256 is written out here (FIPS 180-4) rather than taken from node:crypto so the domain stays synchronous and
// loadable in the browser; test/domain/panel-draw.test.ts checks it against node:crypto.

/** A source of uniform random numbers, consumed in order. */
export interface RandomStream {
  /** The next 32-bit word of the stream, 0 ≤ word < 2^32. */
  nextUint32(): number;
  /** A uniform integer 0 ≤ i < n (1 ≤ n ≤ 2^32), without modulo bias: words ≥ the largest multiple of n are skipped. */
  uniformInt(n: number): number;
}

/** The counter stream `sha256(seed || counter)` for a seed (any non-empty text; the caller records it). */
export function sha256CounterStream(seed: string): RandomStream {
  if (seed.length === 0) throw new RangeError('the draw needs a seed');
  const seedBytes = new TextEncoder().encode(seed);
  let counter = 0;
  let words: number[] = [];
  const nextUint32 = (): number => {
    if (words.length === 0) {
      if (counter > 0xffffffff) throw new RangeError('the random stream is exhausted');
      const input = new Uint8Array(seedBytes.length + 4);
      input.set(seedBytes);
      new DataView(input.buffer).setUint32(seedBytes.length, counter);
      counter += 1;
      const digest = new DataView(sha256(input).buffer);
      words = Array.from({ length: 8 }, (_, index) => digest.getUint32(index * 4));
    }
    return words.shift()!;
  };
  const uniformInt = (n: number): number => {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`uniformInt needs 1 ≤ n ≤ 2^32, got ${n}`);
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      const word = nextUint32();
      if (word < limit) return word % n;
    }
  };
  return { nextUint32, uniformInt };
}

/** The SHA-256 digest (FIPS 180-4) of some bytes. */
export function sha256(message: Uint8Array): Uint8Array {
  const bitLength = message.length * 8;
  const paddedLength = Math.ceil((message.length + 9) / 64) * 64;
  const padded = new Uint8Array(paddedLength);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  // The length is 64 bits; messages here are far below 2^32 bits, but write both halves for correctness.
  view.setUint32(paddedLength - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(paddedLength - 4, bitLength >>> 0);
  const hash = Uint32Array.from(initialHash);
  const schedule = new Uint32Array(64);
  for (let offset = 0; offset < paddedLength; offset += 64) {
    for (let t = 0; t < 16; t++) schedule[t] = view.getUint32(offset + t * 4);
    for (let t = 16; t < 64; t++) {
      const w15 = schedule[t - 15]!;
      const w2 = schedule[t - 2]!;
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
      schedule[t] = (schedule[t - 16]! + s0 + schedule[t - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, h] = hash as unknown as [number, number, number, number, number, number, number, number];
    for (let t = 0; t < 64; t++) {
      const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + roundConstants[t]! + schedule[t]!) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    [a, b, c, d, e, f, g, h].forEach((word, index) => {
      hash[index] = (hash[index]! + word) >>> 0;
    });
  }
  const digest = new Uint8Array(32);
  const digestView = new DataView(digest.buffer);
  hash.forEach((word, index) => digestView.setUint32(index * 4, word));
  return digest;
}

// helpers

function rotr(word: number, bits: number): number {
  return (word >>> bits) | (word << (32 - bits));
}

// FIPS 180-4 §5.3.3 and §4.2.2: the first 32 bits of the fractional parts of the square (cube) roots of the first
// 8 (64) primes.
const initialHash = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

const roundConstants = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];
