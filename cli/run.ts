/**
 * How every CLI command runs: configuration and database errors become one line naming what to fix,
 * and the database (the embedded server included, if this command started it) is released at the end.
 */
import { EnvError } from '../lib/env';
import { DatabaseUnavailableError, shutdownDatabase } from '../lib/system/database';

/** An error whose message is meant for the terminal as is: no stack trace. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

function isUserFacing(error: unknown): error is Error {
  return error instanceof EnvError || error instanceof DatabaseUnavailableError || error instanceof UserError;
}

/** Wrap a command action: run it, release the database, and exit non-zero with a clean message on failure. */
export function action<Args extends unknown[]>(run: (...args: Args) => Promise<void | number>) {
  return async (...args: Args) => {
    let code = 0;
    try {
      code = (await run(...args)) ?? 0;
    } catch (error) {
      code = 1;
      console.error(`elsewhere: ${describeError(error)}`);
      if (!isUserFacing(error) && process.env.ELSEWHERE_DEBUG) console.error(error);
    } finally {
      await shutdownDatabase().catch((error: unknown) =>
        console.error(`elsewhere: stopping the database: ${String(error)}`),
      );
    }
    process.exitCode = code;
  };
}

/** One line (or a few) naming what failed; ELSEWHERE_DEBUG=1 adds the stack. */
function describeError(error: unknown): string {
  if (isUserFacing(error)) return error.message;
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  // Drizzle puts the whole SQL text in the message: keep its first line.
  const message = error.message.split('\n')[0]!.slice(0, 300);
  return `${error.name === 'Error' ? '' : `${error.name}: `}${message}${cause}. Run with ELSEWHERE_DEBUG=1 for details.`;
}

/** Progress and status lines go to stderr so stdout stays machine-readable (JSON, NDJSON). */
export function info(line: string): void {
  process.stderr.write(`${line}\n`);
}
