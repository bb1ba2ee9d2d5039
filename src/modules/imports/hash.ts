// What identifies "the same file" for resuming an import (runs.ts): its SHA-256 and size, read as a stream (the
// registers' files weigh gigabytes). SIRENE comes as two files: their hashes are hashed together, in a fixed order.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export interface FileIdentity {
  /** SHA-256, hex. */
  hash: string;
  /** Bytes, over all the files. */
  size: number;
}

async function hashOne(path: string, onBytes?: (bytes: number) => void): Promise<FileIdentity> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
    onBytes?.(size);
  }
  return { hash: hash.digest('hex'), size };
}

/**
 * Several files' identity from each one's: the SHA-256 of their hashes in the given order and their total size; one
 * file's is its own. Shared with the web uploads, whose files are hashed as they arrive.
 */
export function combineIdentities(ones: FileIdentity[]): FileIdentity {
  if (ones.length === 1) return ones[0] as FileIdentity;
  const combined = createHash('sha256');
  for (const one of ones) combined.update(one.hash);
  return { hash: combined.digest('hex'), size: ones.reduce((total, one) => total + one.size, 0) };
}

/** One file's SHA-256 and size; of several files, their identities combined (combineIdentities). */
export async function fileIdentity(paths: string[], onBytes?: (bytes: number) => void): Promise<FileIdentity> {
  const ones: FileIdentity[] = [];
  let size = 0;
  for (const path of paths) {
    const before = size;
    const one = await hashOne(path, onBytes && ((bytes) => onBytes(before + bytes)));
    ones.push(one);
    size += one.size;
  }
  return combineIdentities(ones);
}
