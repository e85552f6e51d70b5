import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { uploader } from '../import-test-files.js';
import { createTestApp, signIn } from '../test-app.js';

// Issue 17.6: a 547 kB workbook whose shared strings unpack to 253 MB took the server to 577 MB.
// A workbook is now unpacked part by part through its directory, each part with a byte cap.

let app: FastifyInstance;
let db: Db;
let cookie: string;
let upload: ReturnType<typeof uploader>;

beforeAll(async () => {
  ({ app, db } = await createTestApp());
  cookie = await signIn(app, 'utvecklingschef');
  upload = uploader(app, cookie);
});
afterAll(() => app.close());

interface Part {
  name: string;
  data: Buffer; // deflated
  size: number; // unpacked
  crc: number;
  /** What the directory claims it unpacks to, when it lies. */
  declared?: number;
}

const part = (name: string, text: string): Part => {
  const raw = Buffer.from(text, 'utf8');
  return { name, data: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
};

/** A zip of deflated parts, with a central directory that states (or misstates) their sizes. */
function zip(parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const size = p.declared ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(p.crc, 16);
    dir.writeUInt32LE(p.data.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, name, p.data);
    central.push(dir, name);
    offset += 30 + name.length + p.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/** xl/sharedStrings.xml of `megabytes` MB of short texts, deflated as a stream (a few hundred kB). */
async function sharedStringsBomb(megabytes: number): Promise<Part> {
  const si = Buffer.from('<si><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></si>'.repeat(16_384));
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">');
  const tail = Buffer.from('</sst>');
  const deflate = createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  let crc = crc32(head);
  let size = head.length;
  const write = (b: Buffer) => (deflate.write(b) ? Promise.resolve() : new Promise((r) => deflate.once('drain', r)));
  await write(head);
  while (size < megabytes * 1024 * 1024) {
    await write(si);
    crc = crc32(si, crc);
    size += si.length;
  }
  deflate.end(tail);
  crc = crc32(tail, crc);
  size += tail.length;
  await ended;
  return { name: 'xl/sharedStrings.xml', data: Buffer.concat(out), size, crc };
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
function workbook(strings: Part): Buffer {
  return zip([
    part('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    part('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    part('xl/workbook.xml', `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    part(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    part('xl/worksheets/sheet1.xml', `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`),
    strings,
  ]);
}

/** Runs `fn` while sampling the process's heap and buffers; returns how far they rose above the start. */
async function growthDuring<T>(fn: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const start = used();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, used())), 2);
  try {
    const result = await fn();
    peak = Math.max(peak, used());
    return { result, growthMb: (peak - start) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

describe('a workbook that unpacks to hundreds of megabytes', () => {
  let bomb: Part;
  beforeAll(async () => {
    bomb = await sharedStringsBomb(300);
  });

  it('is refused (413) from its directory before anything is unpacked, with the reason in Swedish', async () => {
    const file = workbook(bomb);
    expect(file.length).toBeLessThan(2 * 1024 * 1024);
    const before = db.prepare('SELECT count(*) FROM metric_values').pluck().get();
    const { result: res, growthMb } = await growthDuring(() => upload(file, 'bomb.xlsx', { dryRun: true }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe(
      'Texterna (xl/sharedStrings.xml) i Excel-filen packas upp till mer än 32 MB; högst 32 MB går. Spara bladet med värdena som en egen fil eller som CSV och försök igen.',
    );
    expect(growthMb).toBeLessThan(64);
    expect(db.prepare('SELECT count(*) FROM metric_values').pluck().get()).toBe(before);
  });

  it('is refused (415) while unpacking when its directory understates the size, without the memory growing', async () => {
    const { result: res, growthMb } = await growthDuring(() => upload(workbook({ ...bomb, declared: 4096 }), 'bomb.xlsx'));
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message).toBe(
      'Excel-filen är skadad (delen xl/sharedStrings.xml är större än filen själv anger). Spara filen på nytt i Excel (eller som CSV) och försök igen.',
    );
    expect(growthMb).toBeLessThan(64);
  });

  it('is refused at the cap when its directory claims just the cap', async () => {
    const { result: res, growthMb } = await growthDuring(() => upload(workbook({ ...bomb, declared: 32 * 1024 * 1024 }), 'bomb.xlsx'));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/^Texterna \(xl\/sharedStrings\.xml\) i Excel-filen packas upp till mer än 32 MB/);
    // Up to the cap the texts are parsed, and V8 collects that garbage when it pleases: the bound
    // is the cap's, far below what the whole 300 MB would take.
    expect(growthMb).toBeLessThan(256);
  });
});
