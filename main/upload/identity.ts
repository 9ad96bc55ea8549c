import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Employee } from '../chats/normalise/employees.ts';
import type { Mapping } from '../mapping/model.ts';
import type { ImportIdentity } from './records.ts';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function hashFile(path: string): Promise<string> {
  return new Promise((done, failed) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', failed)
      .on('end', () => done(hash.digest('hex')));
  });
}

/** What makes two uploads the same import: the file's bytes, the mapping, and the account. */
export async function importIdentity(input: {
  path: string;
  mapping: Mapping;
  employees: readonly Employee[];
  endpoint: URL;
  userId: number | undefined;
}): Promise<ImportIdentity> {
  const identity: ImportIdentity = {
    fileHash: await hashFile(input.path),
    mappingHash: sha256(JSON.stringify({ mapping: input.mapping, employees: input.employees })),
    file: basename(input.path),
    endpoint: input.endpoint.href,
  };
  if (input.userId !== undefined) identity.userId = input.userId;
  return identity;
}
