/**
 * Phrases by which a reply says nothing needs doing, in English and Chinese (Traditional, and the Simplified a
 * model may slip into). A reply that says so and also asks for a change contradicts itself: the change is not
 * proposed.
 */
const ENGLISH: readonly RegExp[] = [
  /\bno (?:further |other |immediate )?(?:action|actions|changes?|intervention|fix(?:es)?|restart)s? (?:is |are )?(?:needed|necessary|required)\b/i,
  /\b(?:action|changes?|intervention) (?:is |are )?(?:not |un)(?:needed|necessary|required)\b/i,
  /\bnothing (?:else |more )?(?:to do|needs (?:to be )?(?:done|changed|fixed)|to change|to fix)\b/i,
  /\bno need (?:for any|to (?:do anything|change anything|act|take (?:any )?action|restart|scale|roll ?back|delete|apply|intervene))\b/i,
  /\bdo(?:es)?(?: not|n't) (?:need|require) (?:any )?(?:action|changes?|intervention|to be (?:changed|fixed|restarted))\b/i,
];

const NEGATION = '(?:不需要|不需|無需|无需|無須|无须|不必|不用|毋須|毋需|沒有必要|没有必要|沒必要|没必要)';
const WHAT = '(?:動作|动作|行動|行动|處理|处理|操作|變更|变更|更動|更动|修改|介入|做任何事)';
const CHINESE: readonly RegExp[] = [
  new RegExp(`${NEGATION}(?:再|進一步|进一步|額外|额外)?(?:採取|采取|進行|进行|做)?(?:任何)?(?:的)?${WHAT}`),
  /沒有(?:需要|必要)(?:採取|處理|變更|進行)|没有(?:需要|必要)(?:采取|处理|变更|进行)/,
];

/** True when the text says that no action is needed. */
export function saysNoActionNeeded(text: string): boolean {
  return ENGLISH.some((pattern) => pattern.test(text)) || CHINESE.some((pattern) => pattern.test(text));
}
