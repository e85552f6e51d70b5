import { createWriteStream, readdirSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { ValidationError } from '../errors.js';
import { FileTooLargeError, UnsupportedFileError } from '../services/import-read.js';

// Uploads are written to a temporary directory while they arrive (`withUpload`). Its name carries the server's process id, so that a server killed mid-import (SIGKILL, power loss)
// leaves a directory the next start can recognise as orphaned and remove.
const PREFIX = 'tillit-upload-';

/** A fresh directory for one upload; the caller removes it when done. */
export function makeUploadDir(root = tmpdir()): Promise<string> {
  return mkdtemp(join(root, `${PREFIX}${process.pid}-`));
}

/**
 * Removes upload directories left by servers that no longer run. Returns how many it removed.
 * Called at start, before this server receives anything: a directory with this process's own id
 * is a predecessor's (in a container every start is often process 1), so it goes too.
 */
export function removeOrphanUploadDirs(root = tmpdir(), isRunning = processIsRunning): number {
  let removed = 0;
  for (const name of safeList(root)) {
    const pid = Number(/^tillit-upload-(\d+)-/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid <= 0 || (pid !== process.pid && isRunning(pid))) continue;
    rmSync(join(root, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

function safeList(root: string): string[] {
  try {
    return readdirSync(root);
  } catch {
    return [];
  }
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A received upload: the file on disk, its name, and the form's other fields. */
export interface Upload {
  path: string;
  fileName: string;
  /** `dryRun=true` (or `1`) in the query or as a form field. */
  dryRun: boolean;
  /** The form's other fields by name (the first value of each). */
  fields: ReadonlyMap<string, string>;
}

export interface UploadOptions {
  /** The limit the route's multipart plugin enforces, for the 413's message. */
  maxBytes: number;
  /** The name when the browser sends none. */
  defaultName: string;
  /** What to say when the form has no file in the field `file`. */
  missing: string;
  /** The query's `dryRun`, already validated by the route. */
  dryRun: string | undefined;
}

/**
 * Receives a multipart/form-data upload for `use`: the file in the field `file` goes to disk as it
 * arrives, so its size costs no memory; fields may come before or after it, so `use` runs once
 * the whole body is read. The file is removed afterwards, whatever happens.
 */
export async function withUpload<T>(
  request: FastifyRequest,
  options: UploadOptions,
  use: (upload: Upload) => Promise<T> | T,
): Promise<T> {
  if (!request.isMultipart()) throw new UnsupportedFileError('Skicka filen som multipart/form-data i fältet "file".');
  const dir = await makeUploadDir();
  try {
    const path = join(dir, 'upload');
    let fileName: string | null = null;
    let dryRun = isTrue(options.dryRun);
    const fields = new Map<string, string>();
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname === 'file' && fileName === null) {
            await pipeline(part.file, createWriteStream(path));
            if (part.file.truncated) throw new FileTooLargeError(options.maxBytes);
            fileName = part.filename || options.defaultName;
          } else part.file.resume();
        } else if (part.fieldname === 'dryRun') {
          dryRun = dryRun || isTrue(String(part.value));
        } else if (!fields.has(part.fieldname)) {
          fields.set(part.fieldname, String(part.value));
        }
      }
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new FileTooLargeError(options.maxBytes);
      throw err;
    }
    if (fileName === null) throw new ValidationError(options.missing, [{ path: 'body.file', message: options.missing }]);
    return await use({ path, fileName, dryRun, fields });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const isTrue = (v: string | undefined) => v === 'true' || v === '1';
