import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A gzip body assembled per response from parts compressed once. A cached page holds values that
 * must differ per reader (the comment form's signed time and one-submission key); everything
 * between them is compressed once, each run by its own deflate stream ending on a full flush, so
 * no run refers back into another; a reader's values go between them as stored (uncompressed)
 * deflate blocks. The gzip trailer's CRC-32 is combined from each run's CRC without reading the
 * runs again (zlib's crc32_combine, with the shift for each run's length worked out once).
 */

const POLY = 0xedb88320;

type Matrix = Uint32Array;

function apply(matrix: Matrix, vector: number): number {
  let sum = 0;
  for (let i = 0; vector !== 0; i++, vector >>>= 1) if (vector & 1) sum ^= matrix[i]!;
  return sum >>> 0;
}

function square(matrix: Matrix): Matrix {
  const out = new Uint32Array(32);
  for (let i = 0; i < 32; i++) out[i] = apply(matrix, matrix[i]!);
  return out;
}

/** The operator that moves a CRC past `length` zero bytes (zlib's gf2 matrices). */
export function crcShift(length: number): Matrix {
  const oneBit = new Uint32Array(32);
  oneBit[0] = POLY;
  for (let i = 1; i < 32; i++) oneBit[i] = (1 << (i - 1)) >>> 0;
  // Squaring doubles the shift: 1 bit, 2, 4, then a byte; then 2, 4, 8 … bytes.
  let step = square(square(square(oneBit)));
  let result: Matrix | null = null;
  for (let len = length; len > 0; len = Math.floor(len / 2)) {
    if (len & 1) result = result ? multiply(step, result) : step;
    if (len > 1) step = square(step);
  }
  if (result) return result;
  const identity = new Uint32Array(32);
  for (let i = 0; i < 32; i++) identity[i] = (1 << i) >>> 0;
  return identity;
}

/** a after b: applying the result equals applying b, then a. */
function multiply(a: Matrix, b: Matrix): Matrix {
  const out = new Uint32Array(32);
  for (let i = 0; i < 32; i++) out[i] = apply(a, b[i]!);
  return out;
}

/** CRC-32 of A followed by B, from CRC(A), CRC(B) and the shift for B's length. */
export function crcCombine(crcA: number, crcB: number, shiftB: Matrix): number {
  return (apply(shiftB, crcA) ^ crcB) >>> 0;
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
// A final, empty block with fixed Huffman codes: ends the deflate stream.
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

function storedBlock(data: Buffer): Buffer {
  if (data.length > 0xffff) throw new Error('a substituted value is too long for one stored block');
  const head = Buffer.alloc(5);
  head[0] = 0x00;
  head.writeUInt16LE(data.length, 1);
  head.writeUInt16LE(~data.length & 0xffff, 3);
  return Buffer.concat([head, data]);
}

type Run = { deflated: Buffer; crc: number; shift: Matrix; length: number };

/**
 * The fixed runs of a body split around its per-reader values (`runs.length` is one more than
 * the number of values), compressed once; `assemble` makes a whole gzip body for given values.
 */
export class SplicedGzip {
  private readonly runs: Run[];
  private readonly valueShifts = new Map<number, Matrix>();

  constructor(runs: Buffer[]) {
    this.runs = runs.map((run) => ({
      deflated: run.length ? deflateRawSync(run, { level: 6, finishFlush: constants.Z_FULL_FLUSH }) : Buffer.alloc(0),
      crc: crc32(run),
      shift: crcShift(run.length),
      length: run.length,
    }));
  }

  get compressedBytes(): number {
    return this.runs.reduce((sum, run) => sum + run.deflated.length, 0);
  }

  /** The parts of one gzip response, to be written in order. */
  assemble(values: Buffer[]): Buffer[] {
    if (values.length !== this.runs.length - 1) throw new Error('one value goes between each pair of runs');
    const parts: Buffer[] = [GZIP_HEADER];
    let crc = 0;
    let size = 0;
    this.runs.forEach((run, i) => {
      if (i > 0) {
        const value = values[i - 1]!;
        let shift = this.valueShifts.get(value.length);
        if (!shift) this.valueShifts.set(value.length, (shift = crcShift(value.length)));
        crc = crcCombine(crc, crc32(value), shift);
        size += value.length;
        parts.push(storedBlock(value));
      }
      crc = crcCombine(crc, run.crc, run.shift);
      size += run.length;
      if (run.deflated.length) parts.push(run.deflated);
    });
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc >>> 0, 0);
    trailer.writeUInt32LE(size >>> 0, 4);
    parts.push(FINAL_BLOCK, trailer);
    return parts;
  }
}
