/**
 * The known name a typo most likely meant: the same name in another case first ("us" for US),
 * then the nearest by edit distance (a swap of two letters counts as one edit), if it is near
 * enough to be a typo: at most one edit in four letters, and never a tie.
 */
export function closestName(word: string, candidates: Iterable<string>): string | undefined {
  const all = [...new Set(candidates)];
  const lower = word.toLowerCase();
  const sameLetters = all.filter((c) => c.toLowerCase() === lower);
  if (sameLetters.length === 1) return sameLetters[0];
  const limit = Math.max(1, Math.floor(word.length / 4));
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const candidate of all) {
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance, tie] = [candidate, d, false];
    else if (d === bestDistance) tie = true;
  }
  return best !== undefined && bestDistance <= limit && !tie ? best : undefined;
}

/** ` (did you mean pooled?)`, or nothing when no known name is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const name = closestName(word, candidates);
  return name === undefined ? '' : ` (did you mean ${name}?)`;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Math.abs(a.length - b.length);
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
