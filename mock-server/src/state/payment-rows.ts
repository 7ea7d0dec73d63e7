/**
 * E235: the world's final payments (paid, failed, expired), held as rows of columns instead of as
 * one object (and a dozen strings) each. D20 makes a final payment unchangeable, so a row is written
 * once, when a world is loaded, and read as a fresh, frozen record each time (`read`). A million
 * payments are then a few dozen typed arrays and long strings, not ten million small objects on
 * V8's pages, and a young-generation collection, whose pause grows with those pages (E223), stops
 * the mock about as long with a million payments as with a thousand.
 *
 * A record fits a row when it is final and has exactly the fields below (no outcome rule), its
 * numbers are numbers, and each repeated word (store, register, bank, statuses, currency, merchant
 * client id) is one of at most 65,535 distinct values per field, and its texts are Latin-1 (U+0000
 * to U+00FF, as the generated data's Danish letters are; a reference or description with other
 * characters keeps its record an object). Any other record stays an object in the table; `add`
 * answers -1 for it. A row's texts are written one after another, a byte a character, into buffers
 * of `TEXT_CHUNK_BYTES` outside the heap.
 */
import type { PaymentRecord, PaymentStatus } from './records';

export type PaymentFacts = Pick<PaymentRecord, 'status' | 'currency' | 'amount' | 'createdAt'>;

/** A record's fields: those `read` writes, in the order of a record as the mock builds one (scenario-to-state, payments service). */
const FIELD_COUNT = 18;

/** Numbers per row: id, partnerId, merchantId, amount. */
const NUMBERS = 4;
/** Few distinct values each, a 16-bit code into the field's own list (0 for null), in this order. */
const WORDS = 7;
const MERCHANT_CLIENT_ID = 0;
const CURRENCY = 1;
const STORE_ID = 2;
const REGISTER_ID = 3;
const STATUS = 4;
const BANK_PAYMENT_STATUS = 5;
const BANK = 6;
/** Texts per row: referenceNumber, description, token, createdAt, updatedAt, expiresAt, paidAt. */
const TEXTS = 7;
const TOKEN = 2;
const CREATED_AT = 3;

/** A text's length that means null (a longer text does not fit a row). */
const NULL_LENGTH = 0xffff;
const MAX_CODES = 0xffff;
/** The size of each buffer the rows' texts are written into. */
const TEXT_CHUNK_BYTES = 1 << 22;
const FINAL: ReadonlySet<string> = new Set<PaymentStatus>(['paid', 'failed', 'expired']);

class Words {
  readonly values: (string | null)[] = [null];
  private readonly codes = new Map<string, number>();

  /** The value's code; -1 when it is not a text or null, or the list is full. */
  code(value: unknown): number {
    if (value === null) return 0;
    if (typeof value !== 'string') return -1;
    const known = this.codes.get(value);
    if (known !== undefined) return known;
    if (this.values.length > MAX_CODES) return -1;
    this.codes.set(value, this.values.length);
    this.values.push(value);
    return this.values.length - 1;
  }
}

/** A character past U+00FF, which one byte cannot hold (V8 answers at once for a one-byte string). */
const BEYOND_LATIN1 = /[\u0100-\uffff]/;
const isText = (value: unknown): value is string => typeof value === 'string' && value.length < NULL_LENGTH;
const isTextOrNull = (value: unknown): value is string | null => value === null || isText(value);

export class PaymentRows {
  private capacity = 0;
  private rows = 0;
  private numbers = new Float64Array(0);
  private words = new Uint16Array(0);
  private textLengths = new Uint16Array(0);
  /** The buffer of a row's texts, and where they start and end in it. */
  private textChunk = new Uint32Array(0);
  private textStart = new Uint32Array(0);
  private textEnd = new Uint32Array(0);
  private readonly chunks: Buffer[] = [];
  private used = TEXT_CHUNK_BYTES;
  private readonly dictionaries = Array.from({ length: WORDS }, () => new Words());

  get size(): number {
    return this.rows;
  }

  /** The record's row, or -1 when it does not fit one (see above); a record that fits is not kept. */
  add(record: PaymentRecord): number {
    const { id, partnerId, merchantId, amount, referenceNumber, description, token } = record;
    const { createdAt, updatedAt, expiresAt, paidAt } = record;
    if (
      !FINAL.has(record.status) ||
      typeof id !== 'number' ||
      typeof partnerId !== 'number' ||
      typeof merchantId !== 'number' ||
      typeof amount !== 'number' ||
      !isText(referenceNumber) ||
      !isTextOrNull(description) ||
      !isText(token) ||
      !isText(createdAt) ||
      !isText(updatedAt) ||
      !isText(expiresAt) ||
      !isTextOrNull(paidAt) ||
      Object.keys(record).length !== FIELD_COUNT
    )
      return -1;
    const d = this.dictionaries;
    const merchantClientId = d[MERCHANT_CLIENT_ID]!.code(record.merchantClientId);
    const currency = d[CURRENCY]!.code(record.currency);
    const storeId = d[STORE_ID]!.code(record.storeId);
    const registerId = d[REGISTER_ID]!.code(record.registerId);
    const status = d[STATUS]!.code(record.status);
    const bankPaymentStatus = d[BANK_PAYMENT_STATUS]!.code(record.bankPaymentStatus);
    const bank = d[BANK]!.code(record.bank);
    if ((merchantClientId | currency | storeId | registerId | status | bankPaymentStatus | bank) < 0) return -1;

    // The texts, null ones left out, one after another; the lengths say where each one ends.
    const texts =
      description === null
        ? paidAt === null
          ? referenceNumber + token + createdAt + updatedAt + expiresAt
          : referenceNumber + token + createdAt + updatedAt + expiresAt + paidAt
        : paidAt === null
          ? referenceNumber + description + token + createdAt + updatedAt + expiresAt
          : referenceNumber + description + token + createdAt + updatedAt + expiresAt + paidAt;
    if (texts.length > TEXT_CHUNK_BYTES || BEYOND_LATIN1.test(texts)) return -1;
    if (this.used + texts.length > TEXT_CHUNK_BYTES) {
      this.chunks.push(Buffer.allocUnsafeSlow(TEXT_CHUNK_BYTES));
      this.used = 0;
    }
    this.chunks[this.chunks.length - 1]!.write(texts, this.used, 'latin1');

    const row = this.rows;
    if (row === this.capacity) this.grow();
    const n = row * NUMBERS;
    this.numbers[n] = id;
    this.numbers[n + 1] = partnerId;
    this.numbers[n + 2] = merchantId;
    this.numbers[n + 3] = amount;
    const w = row * WORDS;
    const words = this.words;
    words[w + MERCHANT_CLIENT_ID] = merchantClientId;
    words[w + CURRENCY] = currency;
    words[w + STORE_ID] = storeId;
    words[w + REGISTER_ID] = registerId;
    words[w + STATUS] = status;
    words[w + BANK_PAYMENT_STATUS] = bankPaymentStatus;
    words[w + BANK] = bank;
    const t = row * TEXTS;
    const lengths = this.textLengths;
    lengths[t] = referenceNumber.length;
    lengths[t + 1] = description === null ? NULL_LENGTH : description.length;
    lengths[t + 2] = token.length;
    lengths[t + 3] = createdAt.length;
    lengths[t + 4] = updatedAt.length;
    lengths[t + 5] = expiresAt.length;
    lengths[t + 6] = paidAt === null ? NULL_LENGTH : paidAt.length;
    this.textChunk[row] = this.chunks.length - 1;
    this.textStart[row] = this.used;
    this.used += texts.length;
    this.textEnd[row] = this.used;
    this.rows += 1;
    return row;
  }

  /** A new frozen record with the row's fields, in the order the mock builds them. */
  read(row: number): PaymentRecord {
    const texts = this.texts(row);
    const lengths = this.textLengths;
    const t = row * TEXTS;
    let at = 0;
    const cut = (i: number): string | null => {
      const length = lengths[t + i]!;
      if (length === NULL_LENGTH) return null;
      at += length;
      return texts.slice(at - length, at);
    };
    const referenceNumber = cut(0)!;
    const description = cut(1);
    const token = cut(2)!;
    const createdAt = cut(3)!;
    const updatedAt = cut(4)!;
    const expiresAt = cut(5)!;
    const paidAt = cut(6);
    const n = row * NUMBERS;
    const numbers = this.numbers;
    const w = row * WORDS;
    const words = this.words;
    const d = this.dictionaries;
    return Object.freeze({
      id: numbers[n]!,
      partnerId: numbers[n + 1]!,
      merchantId: numbers[n + 2]!,
      merchantClientId: d[MERCHANT_CLIENT_ID]!.values[words[w + MERCHANT_CLIENT_ID]!]!,
      amount: numbers[n + 3]!,
      currency: d[CURRENCY]!.values[words[w + CURRENCY]!]!,
      referenceNumber,
      description,
      storeId: d[STORE_ID]!.values[words[w + STORE_ID]!]!,
      registerId: d[REGISTER_ID]!.values[words[w + REGISTER_ID]!]!,
      status: d[STATUS]!.values[words[w + STATUS]!] as PaymentStatus,
      bankPaymentStatus: d[BANK_PAYMENT_STATUS]!.values[words[w + BANK_PAYMENT_STATUS]!]!,
      token,
      bank: d[BANK]!.values[words[w + BANK]!]!,
      createdAt,
      updatedAt,
      expiresAt,
      paidAt,
    });
  }

  // The fields the state's indexes are built from, without a record.
  id(row: number): number {
    return this.numbers[row * NUMBERS]!;
  }

  partnerId(row: number): number {
    return this.numbers[row * NUMBERS + 1]!;
  }

  merchantId(row: number): number {
    return this.numbers[row * NUMBERS + 2]!;
  }

  status(row: number): PaymentStatus {
    return this.dictionaries[STATUS]!.values[this.words[row * WORDS + STATUS]!] as PaymentStatus;
  }

  /** What the stats count of a payment (E235: without the whole record). */
  facts(row: number): PaymentFacts {
    const w = row * WORDS;
    return {
      status: this.dictionaries[STATUS]!.values[this.words[w + STATUS]!] as PaymentStatus,
      currency: this.dictionaries[CURRENCY]!.values[this.words[w + CURRENCY]!]!,
      amount: this.numbers[row * NUMBERS + 3]!,
      createdAt: this.text(row, CREATED_AT)!,
    };
  }

  token(row: number): string {
    return this.text(row, TOKEN)!;
  }

  /** The row's text number `i` (of TEXTS), without the others. */
  private text(row: number, i: number): string | null {
    const lengths = this.textLengths;
    const t = row * TEXTS;
    if (lengths[t + i] === NULL_LENGTH) return null;
    let at = this.textStart[row]!;
    for (let j = 0; j < i; j += 1) if (lengths[t + j] !== NULL_LENGTH) at += lengths[t + j]!;
    return this.chunks[this.textChunk[row]!]!.toString('latin1', at, at + lengths[t + i]!);
  }

  /** The row's texts, one after another. */
  private texts(row: number): string {
    return this.chunks[this.textChunk[row]!]!.toString('latin1', this.textStart[row], this.textEnd[row]);
  }

  private grow(): void {
    const capacity = Math.max(1024, this.capacity * 2);
    const widen = <A extends Float64Array | Uint16Array | Uint32Array>(
      from: A,
      make: (n: number) => A,
      per: number,
    ): A => {
      const to = make(capacity * per);
      to.set(from);
      return to;
    };
    this.numbers = widen(this.numbers, (n) => new Float64Array(n), NUMBERS);
    this.words = widen(this.words, (n) => new Uint16Array(n), WORDS);
    this.textLengths = widen(this.textLengths, (n) => new Uint16Array(n), TEXTS);
    this.textChunk = widen(this.textChunk, (n) => new Uint32Array(n), 1);
    this.textStart = widen(this.textStart, (n) => new Uint32Array(n), 1);
    this.textEnd = widen(this.textEnd, (n) => new Uint32Array(n), 1);
    this.capacity = capacity;
  }
}
