/**
 * Where receipt bytes live: in the database row (the default, covered by the database backup), or, when the
 * installation sets RECEIPTS_DIR, in files under `<dir>/<office id>/<receipt id>`. A file is only ever read or
 * deleted after its row was found under the reader's office scope (row-level security), so the folder has the same
 * office isolation as the table; the folder itself must be readable by the server process only (files are 0600).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReceiptStorage } from '../../domain/expenses/kinds.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class ReceiptStore {
  constructor(private readonly dir: string | undefined) {}

  get storage(): ReceiptStorage {
    return this.dir ? 'folder' : 'database';
  }

  private path(officeId: string, receiptId: string): string {
    // Ids come from our database; checked all the same so no value can leave the folder.
    if (!this.dir) throw new Error('this receipt is stored in a folder, but RECEIPTS_DIR is not set');
    if (!UUID.test(officeId) || !UUID.test(receiptId)) throw new Error('receipt path: not a receipt id');
    return join(this.dir, officeId.toLowerCase(), receiptId.toLowerCase());
  }

  /** Writes the bytes (folder storage only): to a temporary name first, so a reader never sees half a file. */
  async write(officeId: string, receiptId: string, bytes: Uint8Array): Promise<void> {
    const target = this.path(officeId, receiptId);
    await mkdir(join(this.dir as string, officeId.toLowerCase()), { recursive: true, mode: 0o700 });
    const temporary = `${target}.${randomUUID()}.tmp`;
    await writeFile(temporary, bytes, { mode: 0o600, flag: 'wx' });
    await rename(temporary, target);
  }

  async read(officeId: string, receiptId: string): Promise<Buffer> {
    return readFile(this.path(officeId, receiptId));
  }

  /** Removes a file whose row is gone (a replaced receipt, or a write whose transaction failed). */
  async remove(officeId: string, receiptId: string): Promise<void> {
    await rm(this.path(officeId, receiptId), { force: true });
  }
}
