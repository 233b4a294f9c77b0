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
