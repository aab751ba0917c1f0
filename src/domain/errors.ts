/**
 * Errors a person caused or can fix (an unknown unit, a taken account, a database that is down).
 * Channels and the CLI show `message` as is, without a stack trace; anything else is a bug.
 */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
