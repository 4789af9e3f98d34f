import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded database (PGlite) must be opened by one process at a time: a second process on the same data folder
 * (a backup, a migration) reads half-written pages or corrupts them. PGlite itself takes no lock, so a running
 * server writes its pid to DATA_DIR/server.pid, and the CLI refuses to open a folder whose server is alive.
 */
export const SERVER_LOCK_FILE = 'server.pid';

const lockPath = (dataDir: string) => join(dataDir, SERVER_LOCK_FILE);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a live process holding the folder, or null (no lock file, or a stale one left by a crash). */
export function serverHolding(dataDir: string): number | null {
  let text: string;
  try {
    text = readFileSync(lockPath(dataDir), 'utf8');
  } catch {
    return null;
  }
  const pid = Number.parseInt(text.trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return isAlive(pid) ? pid : null;
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Refused: a running Lotsennetz server (pid ${pid}) holds the embedded database in ${dataDir}. ` +
        'Stop it first: a second process on the same folder can corrupt it. ' +
        `(If no server runs any more, delete ${lockPath(dataDir)}.)`,
    );
  }
}

/** Throws DataDirBusyError when a live server holds the folder. */
export function assertDataDirFree(dataDir: string): void {
  const pid = serverHolding(dataDir);
  if (pid !== null && pid !== process.pid) throw new DataDirBusyError(dataDir, pid);
}

/** Marks the folder as held by this process; the returned function releases it (also run on exit). */
export function acquireServerLock(dataDir: string): () => void {
  assertDataDirFree(dataDir);
  writeFileSync(lockPath(dataDir), `${process.pid}\n`, { mode: 0o600 });
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // Only our own lock: a folder taken over after a crash is not ours to free.
    if (serverHolding(dataDir) === process.pid) rmSync(lockPath(dataDir), { force: true });
  };
  process.on('exit', release);
  return release;
}
