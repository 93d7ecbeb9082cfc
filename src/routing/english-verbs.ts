import type { Token } from './english-tokens.js';
import { isOneSlipAway } from './typo.js';

/** How a change verb is written: the base form is the only one that can be a command. */
export type VerbForm = 'base' | 'third' | 'past' | 'ing';

export interface EnglishVerbHit {
  /** The action it stands for: restart, scale, rollback, delete, apply, node, change. */
  action: string;
  /** The word as written (a typo keeps its spelling here). */
  surface: string;
  form: VerbForm;
  typo: boolean;
  /** Index of the first and last token of the verb (phrasal verbs span two). */
  first: number;
  last: number;
}

/** Verbs that change the cluster, by the action they stand for. */
const CHANGE_VERBS: Readonly<Record<string, string>> = {
  restart: 'restart',
  reboot: 'restart',
  bounce: 'restart',
  recycle: 'restart',
  rerun: 'restart',
  roll: 'restart',
  kick: 'restart',
  cycle: 'restart',
  respawn: 'restart',
  reload: 'restart',
  refresh: 'restart',
  relaunch: 'restart',
  push: 'apply',
  ship: 'apply',
  promote: 'apply',
  release: 'apply',
  rebuild: 'apply',
  reinstall: 'apply',
  reset: 'change',
  tweak: 'change',
  adjust: 'change',
  tune: 'change',
  double: 'change',
  halve: 'change',
  disable: 'change',
  enable: 'change',
  switch: 'change',
  swap: 'change',
  renew: 'change',
  drop: 'delete',
  run: 'change',
  flip: 'change',
  toggle: 'change',
  shrink: 'scale',
  grow: 'scale',
  expand: 'scale',
  annotate: 'change',
  label: 'change',
  unlabel: 'change',
  evacuate: 'node',
  reschedule: 'node',
  migrate: 'node',
  move: 'node',
  scale: 'scale',
  upscale: 'scale',
  downscale: 'scale',
  autoscale: 'scale',
  resize: 'scale',
  rollback: 'rollback',
  revert: 'rollback',
  undo: 'rollback',
  downgrade: 'rollback',
  delete: 'delete',
  remove: 'delete',
  rm: 'delete',
  kill: 'delete',
  terminate: 'delete',
  destroy: 'delete',
  nuke: 'delete',
  purge: 'delete',
  wipe: 'delete',
  evict: 'delete',
  uninstall: 'delete',
  cleanup: 'delete',
  apply: 'apply',
  deploy: 'apply',
  redeploy: 'apply',
  install: 'apply',
  create: 'apply',
  recreate: 'apply',
  replace: 'apply',
  expose: 'apply',
  cordon: 'node',
  uncordon: 'node',
  drain: 'node',
  taint: 'node',
  untaint: 'node',
  patch: 'change',
  update: 'change',
  upgrade: 'change',
  change: 'change',
  modify: 'change',
  edit: 'change',
  increase: 'change',
  decrease: 'change',
  bump: 'change',
  reduce: 'change',
  raise: 'change',
  set: 'change',
  add: 'change',
  fix: 'change',
  restore: 'change',
  rotate: 'change',
  trigger: 'change',
  retrigger: 'change',
  suspend: 'change',
  resume: 'change',
  pause: 'change',
  unpause: 'change',
  stop: 'change',
  start: 'change',
  shutdown: 'change',
  halt: 'change',
};

/** Verbs that are commands only with an object after them ("start the job", not "start over"). */
const NEEDS_OBJECT = new Set([
  'kick',
  'cycle',
  'reload',
  'refresh',
  'move',
  'migrate',
  'push',
  'ship',
  'promote',
  'release',
  'reset',
  'tweak',
  'adjust',
  'tune',
  'double',
  'halve',
  'disable',
  'enable',
  'switch',
  'swap',
  'renew',
  'drop',
  'run',
  'flip',
  'toggle',
  'shrink',
  'grow',
  'expand',
  'annotate',
  'label',
  'unlabel',
  'set',
  'add',
  'fix',
  'start',
  'stop',
  'change',
  'raise',
  'trigger',
  'update',
  'edit',
  'rotate',
  'restore',
  'create',
  'install',
  'replace',
  'pause',
  'resume',
  'roll',
  'halt',
  'reduce',
  'increase',
  'decrease',
  'bump',
]);
const NOT_AN_OBJECT = new Set([
  'me',
  'us',
  'over',
  'with',
  'up',
  'from',
  'by',
  'here',
  'there',
  'about',
  'to',
  'in',
  'on',
  'of',
  'for',
  'at',
  'working',
  'and',
  'or',
  'is',
  'was',
  'are',
  'were',
  'when',
  'if',
  'again',
  'soon',
  'now',
  'yet',
  'please',
  'kubectl',
  'k',
  'helm',
  'oc',
  'into',
  'through',
  'out',
  'off',
  'away',
  'it',
  'this',
  'that',
]);
// Verbs whose object may be a pronoun ("restart it") keep it; for the words above, "run it" says too little.
const PRONOUN_OBJECT_OK = new Set([
  'kick',
  'cycle',
  'reload',
  'refresh',
  'reset',
  'disable',
  'enable',
  'drop',
  'set',
  'fix',
  'stop',
  'start',
  'pause',
  'resume',
  'update',
  'change',
  'raise',
  'bump',
  'push',
  'ship',
  'release',
  'promote',
]);

/** Two-word verbs: the second word decides the action. */
const PARTICLES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  roll: { back: 'rollback', out: 'apply' },
  shut: { down: 'change' },
  clean: { up: 'delete' },
  spin: { up: 'scale', down: 'scale' },
  turn: { off: 'change', on: 'change' },
  take: { down: 'change', offline: 'change', out: 'node' },
  get: { rid: 'delete' },
};

const IRREGULAR: Readonly<Record<string, { base: string; form: VerbForm }>> = {
  undone: { base: 'undo', form: 'past' },
  undid: { base: 'undo', form: 'past' },
  reran: { base: 'rerun', form: 'past' },
  shut: { base: 'shut', form: 'base' },
  spun: { base: 'spin', form: 'past' },
  took: { base: 'take', form: 'past' },
  taken: { base: 'take', form: 'past' },
};

/** Long or distinctive verbs worth recognising through a typo. */
const TYPO_TARGETS = [
  'restart',
  'rollback',
  'delete',
  'redeploy',
  'scale',
  'cordon',
  'uncordon',
  'terminate',
  'apply',
  'bounce',
  'deploy',
  'drain',
];

function knownBase(word: string): boolean {
  return word in CHANGE_VERBS || word in PARTICLES;
}

/** The base verb and form of an inflected word, if it is one of ours. */
export function stemChangeVerb(word: string): { base: string; form: VerbForm } | null {
  if (knownBase(word)) return { base: word, form: 'base' };
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  const tries: Array<[string, VerbForm]> = [];
  if (word.endsWith('ing')) {
    const stem = word.slice(0, -3);
    tries.push([stem, 'ing'], [`${stem}e`, 'ing'], [stem.slice(0, -1), 'ing']);
  }
  if (word.endsWith('ed')) {
    const stem = word.slice(0, -2);
    tries.push([stem, 'past'], [word.slice(0, -1), 'past'], [stem.slice(0, -1), 'past']);
    if (word.endsWith('ied')) tries.push([`${word.slice(0, -3)}y`, 'past']);
  }
  if (word.endsWith('s')) {
    tries.push([word.slice(0, -1), 'third'], [word.slice(0, -2), 'third']);
    if (word.endsWith('ies')) tries.push([`${word.slice(0, -3)}y`, 'third']);
  }
  for (const [base, form] of tries) if (base.length > 1 && knownBase(base)) return { base, form };
  return null;
}

function typoOf(word: string): string | null {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return null;
  for (const target of TYPO_TARGETS) if (isOneSlipAway(word, target)) return target;
  return null;
}

/** Every change verb in the tokens, whatever its form; deciding whether it is a command comes later. */
export function findEnglishChangeVerbs(tokens: readonly Token[]): EnglishVerbHit[] {
  const hits: EnglishVerbHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i].word;
    let stem = stemChangeVerb(word);
    let typo = false;
    if (!stem) {
      const target = typoOf(word);
      if (!target) continue;
      stem = { base: target, form: 'base' };
      typo = true;
    }
    const particles = PARTICLES[stem.base];
    if (particles) {
      // The particle may follow the object: "roll it back", "shut the worker down", "spin web up".
      let found = -1;
      for (let k = i + 1; k <= Math.min(tokens.length - 1, i + 3); k++) {
        if (particles[tokens[k].word]) {
          found = k;
          break;
        }
      }
      if (found > 0) {
        const particle = tokens[found].word;
        hits.push({ action: particles[particle], surface: `${word} ${particle}`, form: stem.form, typo, first: i, last: i });
        i = found;
        continue;
      }
      if (!(stem.base in CHANGE_VERBS)) continue;
    }
    if (NEEDS_OBJECT.has(stem.base) && stem.form === 'base') {
      const next = tokens[i + 1]?.word;
      const pronoun = next === 'it' || next === 'this' || next === 'that';
      if (next === undefined || (NOT_AN_OBJECT.has(next) && !(pronoun && PRONOUN_OBJECT_OK.has(stem.base)))) continue;
    }
    hits.push({ action: CHANGE_VERBS[stem.base], surface: word, form: stem.form, typo, first: i, last: i });
  }
  return hits;
}
