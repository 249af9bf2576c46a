import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256, sha256CounterStream } from '../../domain/sha256-stream.js';

describe('sha256', () => {
  it('gives the FIPS 180-4 example digests', () => {
    expect(hex(sha256(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256(new Uint8Array()))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('agrees with node:crypto on every length around the padding boundaries and on random bytes', () => {
    for (let length = 0; length <= 300; length++) {
      // given bytes of one length, varied by position and length
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 31 + length * 7) & 0xff);

      // when / then
      expect(hex(sha256(bytes)), `length ${length}`).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    const chinese = new TextEncoder().encode('河北省工业互联网重点项目专家抽取'.repeat(20));
    expect(hex(sha256(chinese))).toBe(createHash('sha256').update(chinese).digest('hex'));
  });
});

describe('sha256CounterStream', () => {
  it('reads block k as sha256(seed ‖ k as 4 big-endian bytes), eight big-endian words a block', () => {
    // given
    const seed = '评审会-2026-种子';
    const stream = sha256CounterStream(seed);

    // when
    const words = Array.from({ length: 24 }, () => stream.nextUint32());

    // then
    const expected = [0, 1, 2].flatMap((counter) => {
      const suffix = Buffer.alloc(4);
      suffix.writeUInt32BE(counter);
      const digest = createHash('sha256').update(Buffer.concat([Buffer.from(seed, 'utf8'), suffix])).digest();
      return Array.from({ length: 8 }, (_, index) => digest.readUInt32BE(index * 4));
    });
    expect(words).toEqual(expected);
  });

  it('draws uniform integers in range, skipping the words above the last multiple of n', () => {
    // given two streams of one seed: one read raw, one through uniformInt
    const raw = sha256CounterStream('bias');
    const drawn = sha256CounterStream('bias');
    const n = 2 ** 31 + 1; // the limit is n itself: about half the words are skipped

    // when / then: each value is the next raw word below the limit, mod n
    for (let draw = 0; draw < 200; draw++) {
      let word = raw.nextUint32();
      while (word >= n) word = raw.nextUint32();
      expect(drawn.uniformInt(n)).toBe(word % n);
    }
    const small = sha256CounterStream('small');
    const counts = [0, 0, 0];
    for (let draw = 0; draw < 3000; draw++) counts[small.uniformInt(3)]! += 1;
    for (const count of counts) expect(count).toBeGreaterThan(850);
  });

  it('refuses an empty seed and an impossible range', () => {
    expect(() => sha256CounterStream('')).toThrow(RangeError);
    expect(() => sha256CounterStream('s').uniformInt(0)).toThrow(RangeError);
    expect(() => sha256CounterStream('s').uniformInt(1.5)).toThrow(RangeError);
  });
});

// helpers

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}
