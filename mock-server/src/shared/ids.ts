/**
 * Id and secret generation (D3). The default uses node:crypto; `createSeededIds` gives the same
 * sequence for the same seed, so tests and fixtures are reproducible.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export interface IdGenerator {
  uuid(): string;
  /** `bytes` random bytes as lowercase hex. */
  hex(bytes: number): string;
  /** Uppercase letters and digits. */
  alphanumeric(length: number): string;
  /**
   * Seeded generators only: how far the sequence has gone, and a jump to such a point, so that a
   * mock restarted from its state file goes on with the sequence instead of repeating ids (E52).
   */
  position?(): number;
  seek?(position: number): void;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function formatUuid(bytes: Buffer): string {
  const b = Buffer.from(bytes.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function fromBytes(next: (n: number) => Buffer): IdGenerator {
  return {
    uuid: () => formatUuid(next(16)),
    hex: (bytes) => next(bytes).toString('hex'),
    alphanumeric(length) {
      const bytes = next(length);
      let out = '';
      for (const byte of bytes) out += ALPHANUMERIC[byte % ALPHANUMERIC.length];
      return out;
    },
  };
}

/** Random bytes drawn from a pool refilled 4 KiB at a time: one system call per ~250 tokens, not per token. */
function pooledRandomBytes(): { bytes: (n: number) => Buffer; hex: (n: number) => string } {
  let pool = Buffer.alloc(0);
  /** The pool as hex, made when a token is first drawn from it. */
  let poolHex: string | null = null;
  let offset = 0;
  const take = (n: number) => {
    if (offset + n > pool.length) {
      pool = randomBytes(4096);
      poolHex = null;
      offset = 0;
    }
    offset += n;
    return offset - n;
  };
  return {
    bytes(n) {
      if (n > 1024) return randomBytes(n);
      const at = take(n); // may refill the pool first
      return Buffer.from(pool.subarray(at, at + n));
    },
    // Hex cut from the pool's hex text, without a Buffer or an encoding per token: a million loaded
    // payments each get one (E201, E233). A token is then a slice of that 8 KB text and keeps it
    // alive: a caller that keeps few of the tokens it draws keeps a copy of each (E235).
    hex(n) {
      if (n > 1024) return randomBytes(n).toString('hex');
      const at = take(n);
      poolHex ??= pool.toString('hex');
      return poolHex.slice(2 * at, 2 * (at + n));
    },
  };
}

export function createRandomIds(): IdGenerator {
  const { bytes, hex } = pooledRandomBytes();
  return { ...fromBytes(bytes), hex, uuid: () => randomUUID() };
}

/** Deterministic bytes: SHA-256 in counter mode over the seed. */
export function createSeededIds(seed: string | number = 1): IdGenerator {
  let counter = 0;
  const ids = fromBytes((n) => {
    const chunks: Buffer[] = [];
    let have = 0;
    while (have < n) {
      const chunk = createHash('sha256').update(`${seed}:${counter}`).digest();
      counter += 1;
      chunks.push(chunk);
      have += chunk.length;
    }
    return Buffer.concat(chunks).subarray(0, n);
  });
  return {
    ...ids,
    position: () => counter,
    seek(position) {
      if (!Number.isSafeInteger(position) || position < 0) throw new RangeError(`Bad id position ${position}`);
      counter = position;
    },
  };
}
