// One monotonic clock for every measurement, in milliseconds with sub-microsecond resolution.

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
