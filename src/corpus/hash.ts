// The one sha256 helper of the project: hex digest of a text (UTF-8) or of bytes. Content hashes of reports,
// of embedded texts and of index files all go through it.
import { createHash } from 'node:crypto';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
