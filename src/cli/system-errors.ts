/**
 * Operating-system errors (disk full, permission denied, missing folder, ...) as one line that
 * says what happened to which file and what to do, instead of a raw stack trace (issue #20).
 */
const ADVICE: Record<string, string> = {
  ENOSPC: 'the disk is full: free some space or write to another folder (--out), then run the same command again — finished cases are kept',
  EDQUOT: 'the disk quota is used up: free some space or write to another folder, then run the same command again',
  EACCES: 'permission denied: check that you may read (inputs) or write (--out) there',
  EPERM: 'operation not permitted: check the file and folder permissions',
  EROFS: 'the file system is read-only: write to another folder (--out)',
  ENOENT: 'no such file or folder: check the path (relative paths are taken from the current folder or the manifest)',
  ENOTDIR: 'a part of the path is a file, not a folder: check the path',
  EISDIR: 'the path is a folder where a file was expected: check the path',
  EMFILE: 'too many open files: lower --workers or raise the limit (ulimit -n)',
  EIO: 'an input/output error from the disk: check the drive and try again',
};

/** The message for a Node system error, or null when `err` is not one we know. */
export function describeSystemError(err: unknown): string | null {
  const e = err as NodeJS.ErrnoException;
  if (!e || typeof e !== 'object' || typeof e.code !== 'string' || !(e.code in ADVICE)) return null;
  const where = e.path ? ` (${e.syscall ?? 'access'} ${e.path})` : '';
  return `${ADVICE[e.code]}${where} [${e.code}]`;
}
