import type { z } from 'zod';

/** Telegram's limit on callback_data. */
export const CALLBACK_DATA_MAX_BYTES = 64;
/**
 * Bytes every family leaves free under Telegram's limit, so a token can later carry a short binding to its chat
 * (a truncated MAC) without any family outgrowing 64 bytes.
 */
export const CALLBACK_DATA_RESERVED_BYTES = 12;
/** The most a token may take today: what `pack` enforces and the size test checks. */
export const CALLBACK_DATA_BUDGET_BYTES = CALLBACK_DATA_MAX_BYTES - CALLBACK_DATA_RESERVED_BYTES;

/** One segment of a token: no separator, nothing that needs escaping. */
const SEGMENT = /^[A-Za-z0-9_-]{1,40}$/;
const PREFIX = /^[a-z]{1,3}\d{1,2}$/;

/** The one definition of a button family; pack, unpack and the handler filter all come from it. */
export interface ButtonFamilyDefinition<S extends z.ZodType, T = z.output<S>> {
  /** Family and version, e.g. `a1`. A token of another version is refused, never guessed at. */
  prefix: string;
  /** What a token carries; checked when packing (a bug) and when unpacking (forged data). */
  schema: S;
  /** The value as the segments after the prefix. */
  toSegments(value: T): string[];
  /** Segments back to a candidate value for the schema; return undefined for a shape it does not know. */
  fromSegments(segments: readonly string[]): unknown;
  /** The values with the longest tokens this family can produce (the size test packs them). */
  largest: readonly T[];
}

export interface ButtonFamily<T> {
  readonly prefix: string;
  /** For `composer.callbackQuery(family.filter, ...)`: every token that claims this family; `unpack` decides. */
  readonly filter: RegExp;
  readonly largest: readonly T[];
  /** The callback_data of a button; throws when the value is invalid or would not fit. */
  pack(value: T): string;
  /** The value of a token of this family, or undefined for anything else (forged, overlong, other version). */
  unpack(data: string | undefined): T | undefined;
  /** True when the data claims this family (same test as `filter`). */
  claims(data: string | undefined): boolean;
}

/**
 * A versioned family of inline buttons: `<prefix>:<segment>:<segment>...`. A token names an action and ids, never
 * arguments, so nothing a client forges can change what runs.
 */
export function defineButtons<S extends z.ZodType>(definition: ButtonFamilyDefinition<S>): ButtonFamily<z.output<S>> {
  const { prefix, schema } = definition;
  if (!PREFIX.test(prefix)) throw new Error(`button family prefix ${prefix} is not a letter code and a version`);
  const head = `${prefix}:`;
  return {
    prefix,
    filter: new RegExp(`^${prefix}:`),
    largest: definition.largest,
    pack(value) {
      const segments = definition.toSegments(schema.parse(value));
      if (!segments.every((s) => SEGMENT.test(s))) throw new Error(`a ${prefix} button segment is not token-safe`);
      const token = head + segments.join(':');
      if (Buffer.byteLength(token, 'utf8') > CALLBACK_DATA_BUDGET_BYTES) throw new Error(`a ${prefix} token would not fit`);
      return token;
    },
    unpack(data) {
      if (typeof data !== 'string' || !data.startsWith(head)) return undefined;
      if (Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_MAX_BYTES) return undefined;
      const segments = data.slice(head.length).split(':');
      if (!segments.every((s) => SEGMENT.test(s))) return undefined;
      const parsed = schema.safeParse(definition.fromSegments(segments));
      return parsed.success ? parsed.data : undefined;
    },
    claims: (data) => typeof data === 'string' && data.startsWith(head),
  };
}

/** A segment of one to two digits as a number; anything else is NaN, which every integer schema refuses. */
export function smallNumber(segment: string | undefined): number {
  return segment !== undefined && /^\d{1,2}$/.test(segment) ? Number(segment) : Number.NaN;
}
