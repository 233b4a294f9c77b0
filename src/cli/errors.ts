// The one place where errors become what the person at the terminal reads: one line and an exit code.
// Domain errors of the stages carry their own sentence; the known conditions of the system (a read-only
// folder, a path under a file, a port in use, a full disk) get one sentence with the remedy here.
import { InvalidQuestionError } from '../answer/index.ts';
import { CorpusError, ReportFileError } from '../corpus/index.ts';
import { ModelLoadError, ModelNotFoundError } from '../embed/index.ts';
import { EvalSetError } from '../eval/index.ts';
import { BuildLockTimeoutError, IndexBuildError, IndexError } from '../index/index.ts';
import { StateError } from '../state/index.ts';

/**
 * An error meant for the person at the terminal: its message is printed as one line, without a stack
 * trace, and the process exits with `exitCode` (2 for bad input, 1 for "ran fine but found nothing").
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Exit codes: 0 done; 1 nothing found, or no usable index or model yet; 2 bad input or a condition to fix. */
export const EXIT = { ok: 0, notFound: 1, badInput: 2 } as const;

/** The slack and reader stages' errors a person fixes in the environment (tokens, secrets, ports). */
const SERVE_ERRORS = new Set(['SlackEnvError', 'SlackAuthError', 'ReaderEnvError']);

/**
 * The error as a UserError when it is one a person can act on, else null (a bug: "unexpected error").
 * Stages' errors keep their message; system errors are named by their code.
 */
export function toUserError(error: unknown): UserError | null {
  if (error instanceof UserError) return error;
  if (
    error instanceof CorpusError ||
    error instanceof ReportFileError ||
    error instanceof IndexBuildError ||
    error instanceof InvalidQuestionError ||
    error instanceof EvalSetError ||
    error instanceof StateError
  ) {
    return new UserError(error.message, EXIT.badInput);
  }
  if (error instanceof ModelNotFoundError || error instanceof ModelLoadError || error instanceof IndexError || error instanceof BuildLockTimeoutError) {
    return new UserError(error.message, EXIT.notFound);
  }
  // Loaded only by `serve` (Bolt is heavy), so recognised by name rather than imported.
  if (error instanceof Error && SERVE_ERRORS.has(error.name)) return new UserError(error.message, EXIT.badInput);
  const system = systemErrorSentence(error);
  return system ? new UserError(system, EXIT.badInput) : null;
}

interface SystemError {
  code?: string;
  syscall?: string;
  path?: string;
  dest?: string;
  port?: number;
  address?: string;
}

/** One sentence with the remedy for the system errors a person causes and can fix; null for others. */
export function systemErrorSentence(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const e = error as Error & SystemError;
  const where = e.path ?? 'a file';
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `cannot ${verb(e.syscall)} ${where}: permission denied (a read-only folder?); use a folder you can write to (--out, --index) or change its permissions`;
    case 'ENOTDIR':
    case 'EEXIST':
      if (e.syscall === 'mkdir' || e.code === 'ENOTDIR') {
        return `cannot create a folder at ${where}: it, or a folder above it, is a file; choose another folder (--out, --index)`;
      }
      return null;
    case 'ENOSPC':
      return `cannot write ${where}: no space left on the device; free some space and run the command again`;
    case 'EADDRINUSE':
      return `port ${e.port ?? '(PORT)'} is already in use (another \`rapporteur serve\`?); stop that process or set PORT to a free port`;
    case 'EADDRNOTAVAIL':
      return `cannot listen on ${e.address ?? 'that address'}: it is not an address of this machine; check PORT and the host`;
    default:
      return null;
  }
}

function verb(syscall: string | undefined): string {
  if (!syscall) return 'use';
  if (/^(read|scandir|stat|lstat|access)$/.test(syscall)) return 'read';
  if (syscall === 'open') return 'open';
  if (/^(mkdir|mkdtemp)$/.test(syscall)) return 'create a folder in';
  if (/^(rename|unlink|rmdir|rm|chmod|copyfile|link)$/.test(syscall)) return 'change';
  return 'write';
}
