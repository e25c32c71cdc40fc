import { constants } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, unlink, writeFile, FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { directoryLock, DirectoryLock } from './directory-lock';

/** A place in the log: a segment's number and a byte offset in it. */
export interface LogPosition {
  segment: number;
  offset: number;
}

/** A record read back: its text as appended, and where the next record starts. */
export interface LogRecord {
  text: string;
  end: LogPosition;
}

/** A segment is closed at this size and a new one started, so shipped records can be deleted. */
const SEGMENT_BYTES = 64 * 1024 * 1024;
const SEGMENT = /^(\d{12})\.log$/;
const CHECKPOINT = 'shipped.json';

export const comparePositions = (a: LogPosition, b: LogPosition) =>
  a.segment - b.segment || a.offset - b.offset;

/** A record's line: its CRC-32 (8 hex digits), a space, its text (one line of JSON), a newline. */
function frame(text: string): Buffer {
  const body = Buffer.from(text);
  return Buffer.concat([
    Buffer.from(`${crc32(body).toString(16).padStart(8, '0')} `),
    body,
    Buffer.from('\n'),
  ]);
}

/**
 * The whole records at the start of `bytes` (a line that is torn or fails its CRC ends them),
 * collected only when asked: recovery needs their length alone.
 */
function parseLines(
  bytes: Buffer,
  from: LogPosition,
  collect = true,
): { records: LogRecord[]; intactBytes: number } {
  const records: LogRecord[] = [];
  let start = 0;
  for (;;) {
    const newline = bytes.indexOf(0x0a, start);
    if (newline < 0 || newline - start < 9 || bytes[start + 8] !== 0x20) break;
    const body = bytes.subarray(start + 9, newline);
    if (crc32(body) !== Number.parseInt(bytes.toString('latin1', start, start + 8), 16)) break;
    start = newline + 1;
    if (collect)
      records.push({ text: body.toString(), end: { segment: from.segment, offset: from.offset + start } });
  }
  return { records, intactBytes: start };
}

const segmentName = (segment: number) => `${String(segment).padStart(12, '0')}.log`;

/**
 * An append-only log of records in a directory of its own, durable once `append` resolves (the
 * data is written and fdatasync'd), that a reader drains from a shipped mark kept beside it.
 *
 * After a crash it reopens where it stood: a record whose append was cut off is torn at the end of
 * the last segment (or fails its checksum) and is cut away; it was never acknowledged. The shipped
 * mark is written without fsync: lost, it falls back to the oldest segment kept, and records are
 * read again, which is safe because the audit store ignores a request it already holds.
 */
export class SegmentLog {
  private constructor(
    private readonly dir: string,
    private readonly lock: DirectoryLock,
    private writer: FileHandle,
    private tail: LogPosition,
    private shippedMark: LogPosition,
    private readonly segmentBytes: number,
  ) {}

  static async open(dir: string, segmentBytes = SEGMENT_BYTES): Promise<SegmentLog> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const lock = await directoryLock(dir);
    try {
      const segments = (await readdir(dir))
        .map((name) => SEGMENT.exec(name)?.[1])
        .filter((number): number is string => number !== undefined)
        .map(Number)
        .sort((a, b) => a - b);
      const last = segments.at(-1) ?? 0;
      const tail = { segment: last, offset: await intactLength(path.join(dir, segmentName(last))) };
      const writer = await open(
        path.join(dir, segmentName(last)),
        constants.O_CREAT | constants.O_WRONLY,
        0o600,
      );
      // Cut away a torn last record, so the next append starts on a record boundary; and make the
      // segment's name durable (a power cut, not only a crash, must find it).
      await writer.truncate(tail.offset);
      await writer.datasync();
      await syncDirectory(dir);
      const oldest = { segment: segments[0] ?? 0, offset: 0 };
      const mark = await readCheckpoint(dir);
      const shipped =
        mark && comparePositions(mark, oldest) >= 0 && comparePositions(mark, tail) <= 0 ? mark : oldest;
      return new SegmentLog(dir, lock, writer, tail, shipped, segmentBytes);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /** Where the next record will start: every record before it is durable. */
  get end(): LogPosition {
    return this.tail;
  }

  get shipped(): LogPosition {
    return this.shippedMark;
  }

  /** Bytes appended and not yet shipped (segments in between counted at their full size). */
  get unshippedBytes(): number {
    const { segment, offset } = this.shippedMark;
    return (this.tail.segment - segment) * this.segmentBytes + this.tail.offset - offset;
  }

  /** Appends records and makes them durable; not to be called again before it resolves. */
  async append(texts: readonly string[]): Promise<LogPosition> {
    if (this.tail.offset >= this.segmentBytes) await this.startSegment(this.tail.segment + 1);
    const bytes = Buffer.concat(texts.map(frame));
    try {
      // A write may take fewer bytes than given (a disk filling up): what is acknowledged must all be there.
      for (let written = 0; written < bytes.length;) {
        const { bytesWritten } = await this.writer.write(
          bytes,
          written,
          bytes.length - written,
          this.tail.offset + written,
        );
        if (bytesWritten === 0) throw new Error('the audit outbox could not write (no space?)');
        written += bytesWritten;
      }
      await this.writer.datasync();
    } catch (error) {
      // Records that were never acknowledged must not come back after a restart.
      await this.writer.truncate(this.tail.offset).catch(() => undefined);
      throw error;
    }
    this.tail = { segment: this.tail.segment, offset: this.tail.offset + bytes.length };
    return this.tail;
  }

  /**
   * Up to `maxBytes` of whole records from `from` (at least one record, whatever its size), and
   * where they start: past the end of a closed segment, reading goes on in the next.
   */
  async read(from: LogPosition, maxBytes: number): Promise<{ start: LogPosition; records: LogRecord[] }> {
    let at = from;
    while (at.segment < this.tail.segment && at.offset >= (await segmentSize(this.dir, at.segment)))
      at = { segment: at.segment + 1, offset: 0 };
    const end = at.segment === this.tail.segment ? this.tail.offset : await segmentSize(this.dir, at.segment);
    if (at.offset >= end) return { start: at, records: [] };
    const file = await open(path.join(this.dir, segmentName(at.segment)), 'r');
    try {
      let length = Math.min(maxBytes, end - at.offset);
      for (;;) {
        const { buffer, bytesRead } = await file.read(Buffer.alloc(length), 0, length, at.offset);
        const { records, intactBytes } = parseLines(buffer.subarray(0, bytesRead), at);
        if (records.length > 0) return { start: at, records };
        if (at.offset + length >= end)
          throw new Error(
            `the audit outbox is damaged at ${segmentName(at.segment)}, byte ${at.offset + intactBytes}`,
          );
        length = Math.min(length * 2, end - at.offset);
      }
    } finally {
      await file.close();
    }
  }

  /**
   * Marks everything before `position` shipped. The segments wholly before it go first, whatever
   * left them (a crash between two steps, a failed delete): that frees space even on a full disk,
   * and is safe, since a lost mark falls back to the oldest segment kept.
   */
  async markShipped(position: LogPosition): Promise<void> {
    for (const name of await readdir(this.dir)) {
      const segment = SEGMENT.exec(name)?.[1];
      if (segment !== undefined && Number(segment) < position.segment)
        await unlink(path.join(this.dir, name)).catch(() => undefined);
    }
    const temporary = path.join(this.dir, `${CHECKPOINT}.tmp`);
    await writeFile(temporary, JSON.stringify(position), { mode: 0o600 });
    await rename(temporary, path.join(this.dir, CHECKPOINT));
    this.shippedMark = position;
  }

  async close(): Promise<void> {
    await this.writer.close();
    await this.lock.release();
  }

  private async startSegment(segment: number): Promise<void> {
    // Left by an attempt that failed before this one (its directory sync): it holds nothing yet.
    const next = await open(path.join(this.dir, segmentName(segment)), 'w', 0o600);
    try {
      await syncDirectory(this.dir);
    } catch (error) {
      await next.close();
      throw error;
    }
    await this.writer.close();
    this.writer = next;
    this.tail = { segment, offset: 0 };
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const directory = await open(dir, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

async function segmentSize(dir: string, segment: number): Promise<number> {
  const file = await open(path.join(dir, segmentName(segment)), 'r');
  try {
    return (await file.stat()).size;
  } finally {
    await file.close();
  }
}

/** The length of the whole, checksummed records at the start of a segment (0 if it is missing). */
async function intactLength(file: string): Promise<number> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return Buffer.alloc(0);
    throw error;
  });
  return parseLines(bytes, { segment: 0, offset: 0 }, false).intactBytes;
}

async function readCheckpoint(dir: string): Promise<LogPosition | undefined> {
  try {
    const mark = JSON.parse(await readFile(path.join(dir, CHECKPOINT), 'utf8')) as Partial<LogPosition>;
    return Number.isSafeInteger(mark.segment) && Number.isSafeInteger(mark.offset)
      ? { segment: mark.segment!, offset: mark.offset! }
      : undefined;
  } catch {
    return undefined;
  }
}
