/**
 * True when `word` is one slip away from `target`: a letter dropped, added, or two neighbours swapped,
 * and (for long targets only) one letter replaced. Short targets refuse replacements because real words
 * sit one replacement away from them ("stale" from "scale", "apple" from "apply").
 */
export function isOneSlipAway(word: string, target: string): boolean {
  if (word === target || word[0] !== target[0]) return false;
  const allowReplace = target.length >= 7;
  const dl = word.length - target.length;
  if (Math.abs(dl) > 1) return false;
  let i = 0;
  while (i < word.length && i < target.length && word[i] === target[i]) i++;
  if (dl === 0) {
    // Swap of neighbours, or a single replacement.
    if (word[i] === target[i + 1] && word[i + 1] === target[i] && word.slice(i + 2) === target.slice(i + 2)) return true;
    return allowReplace && word.slice(i + 1) === target.slice(i + 1);
  }
  if (dl === 1) return word.slice(i + 1) === target.slice(i);
  return word.slice(i) === target.slice(i + 1);
}
