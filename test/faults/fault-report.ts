/** What one row of the fault matrix lost or did twice; the goal is zero of both. */
export interface FaultTally {
  lost: number;
  duplicated: number;
}

/** The one-line report every fault row prints, before its assertions, so a failing row still says what it lost. */
export function reportFault(row: string, tally: FaultTally): FaultTally {
  console.log(`fault: ${row} · lost: ${tally.lost} · duplicated: ${tally.duplicated}`);
  return tally;
}

/** How many of `wanted` never showed up, and how many showed up more than once, in `seen`. */
export function tallyDelivery<T>(wanted: readonly T[], seen: readonly T[]): FaultTally {
  const counts = new Map<T, number>();
  for (const item of seen) counts.set(item, (counts.get(item) ?? 0) + 1);
  let lost = 0;
  let duplicated = 0;
  for (const item of wanted) {
    const n = counts.get(item) ?? 0;
    if (n === 0) lost += 1;
    if (n > 1) duplicated += n - 1;
  }
  return { lost, duplicated };
}
