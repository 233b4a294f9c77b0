/** Why an index cannot be used; `missing` is the one case `ensureIndex` repairs by building. */
export type IndexProblem = 'missing' | 'stale' | 'corrupt' | 'incompatible';

/**
 * An index on disk that cannot be used as it is. The message is one sentence for the person at the
 * terminal and always ends by telling them to run `rapporteur index`.
 */
export class IndexError extends Error {
  constructor(
    readonly problem: IndexProblem,
    readonly indexDir: string,
    detail: string,
  ) {
    super(`${detail}; run \`rapporteur index\`.`);
    this.name = 'IndexError';
  }
}
