/**
 * E182/E211: log lines reach the file in batches, all of them, in order: a batch goes out once
 * LOG_BATCH_BYTES are waiting or LOG_BATCH_MS after its first line, and what is left is written at
 * once by flushSync (pino's exit hook) and by end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { batchedDestination } from './logger';

const lines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { n: number }).n);

describe('batched log destination (E182, E211)', () => {
  let dir: string;
  let file: string;
  let fd: number;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'log-'));
    file = path.join(dir, 'out.log');
    fd = fs.openSync(file, 'w');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('holds a few lines back, then writes them together after the batch time', async () => {
    const destination = batchedDestination(fd);
    const logger = pino({ base: undefined }, destination);
    for (let n = 1; n <= 5; n += 1) logger.info({ n }, 'line');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines(file)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(lines(file)).toEqual([1, 2, 3, 4, 5]);
    destination.end();
  });

  it('writes a full batch without waiting, and flushSync writes the rest in order', async () => {
    const destination = batchedDestination(fd);
    const logger = pino({ base: undefined }, destination);
    const count = 500; // far beyond one batch of LOG_BATCH_BYTES
    for (let n = 1; n <= count; n += 1) logger.info({ n, pad: 'x'.repeat(40) }, 'line');
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 30));
    const early = lines(file);
    expect(early.length).toBeGreaterThan(0);
    destination.flushSync();
    expect(lines(file)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    destination.end();
  });

  it('drops what is logged once the destination ends, without throwing from its timer', async () => {
    const destination = batchedDestination(fd);
    const logger = pino({ base: undefined }, destination);
    logger.info({ n: 1 }, 'line');
    destination.end();
    logger.info({ n: 2 }, 'line'); // waits for the batch timer, which must not throw
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(lines(file)).toEqual([1]);
  });

  it('end writes what is waiting', async () => {
    const destination = batchedDestination(fd);
    const logger = pino({ base: undefined }, destination);
    logger.info({ n: 1 }, 'line');
    logger.info({ n: 2 }, 'line');
    await new Promise<void>((resolve) => {
      destination.once('close', () => resolve());
      destination.end();
    });
    expect(lines(file)).toEqual([1, 2]);
  });
});
