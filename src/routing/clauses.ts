/** A stretch of a message that holds one request: split at sentence ends, commas and "then". */
export interface Clause {
  text: string;
  /** The whole sentence the clause belongs to (for checks that read across commas). */
  sentence: string;
  /** Where the clause starts inside its sentence. */
  offset: number;
}

// A period ends a sentence only before a space or the end, so `v1.2.3` and `deploy/web.yaml` stay whole.
const SENTENCE_END = /[?!。？！;；\n]+|\.(?=\s|$)/g;
// Clause breaks inside a sentence. "and" is not one: "restart api and web" is a single request.
const CLAUSE_BREAK =
  /[,，、]+|(?<=[了啦吧喔哦耶呢嗎囉])\s+(?=[\u4e00-\u9fff])|(?<!\d)[:：]+|\s(?:and then|then|but|also|so)\s|然後|接著|但是|不過|順便|另外|並且|而且|再來|之後再/g;

function splitKeepingOffsets(text: string, pattern: RegExp): Array<{ part: string; offset: number }> {
  const parts: Array<{ part: string; offset: number }> = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    parts.push({ part: text.slice(last, m.index), offset: last });
    last = m.index + m[0].length;
  }
  parts.push({ part: text.slice(last), offset: last });
  return parts;
}

/** Sentences keep their closing mark, so a question still reads as one. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let last = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    sentences.push(text.slice(last, m.index + m[0].length).trim());
    last = m.index + m[0].length;
  }
  sentences.push(text.slice(last).trim());
  return sentences.filter((s) => s.replace(/[?!。？！;；.\s]/g, '').length > 0);
}

export function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  for (const sentence of splitSentences(text)) {
    for (const { part, offset } of splitKeepingOffsets(sentence, CLAUSE_BREAK)) {
      const lead = part.length - part.trimStart().length;
      const trimmed = part.trim();
      if (trimmed) clauses.push({ text: trimmed, sentence, offset: offset + lead });
    }
  }
  return clauses;
}
