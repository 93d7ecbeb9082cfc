import { createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';

/** Telegram's limit on callback_data. */
export const CALLBACK_DATA_MAX_BYTES = 64;
/** Bytes every token leaves for its binding to the chat: ':' and a MAC of MAC_CHARS base64url characters. */
export const CALLBACK_DATA_RESERVED_BYTES = 12;
/** The most a token may take before its binding: what `pack` enforces and the size test checks. */
export const CALLBACK_DATA_BUDGET_BYTES = CALLBACK_DATA_MAX_BYTES - CALLBACK_DATA_RESERVED_BYTES;
/** 66 bits of HMAC-SHA256: guessing one for another chat takes about 2^65 taps. */
const MAC_CHARS = CALLBACK_DATA_RESERVED_BYTES - 1;
const MAC = new RegExp(`^[A-Za-z0-9_-]{${MAC_CHARS}}$`);

/** One segment of a token: no separator, nothing that needs escaping. */
const SEGMENT = /^[A-Za-z0-9_-]{1,40}$/;
const PREFIX = /^[a-z]{1,3}\d{1,2}$/;

/** Button data bound to one chat: what `pack` signs with and `unpack` checks against. */
export interface ChatSeal {
  readonly chatId: number;
  /** The binding of a token (family prefix and segments) to this chat. */
  mac(token: string): string;
}

/** Makes the seal of each chat from one secret; every bot replica and worker with the same token makes the same. */
export interface ButtonSeal {
  forChat(chatId: number): ChatSeal;
}

/**
 * The seal keyed by a secret derived from the bot token, so no new setting is needed and a token's data is only
 * good in the chat it was sent to: a card's Approve copied into another chat (by a client that can send any
 * callback data) is refused there. The key is HMAC(bot token, a fixed label), never the token itself.
 */
export function buttonSealFromBotToken(botToken: string): ButtonSeal {
  const key = createHmac('sha256', botToken).update('chatops callback-data chat binding v1').digest();
  return {
    forChat(chatId) {
      return {
        chatId,
        mac: (token) => createHmac('sha256', key).update(`${chatId}\n${token}`).digest('base64url').slice(0, MAC_CHARS),
      };
    },
  };
}

/** Why data was refused: not this family's shape, or a well-formed token whose binding is not this chat's. */
export type ButtonRefusal = 'malformed' | 'other_chat';
export type ButtonCheck<T> = { ok: true; value: T } | { ok: false; reason: ButtonRefusal };

function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

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
  /** The callback_data of a button in the seal's chat; throws when the value is invalid or would not fit. */
  pack(value: T, chat: ChatSeal): string;
  /**
   * The value of data tapped in the seal's chat, or undefined for anything else (forged, overlong, other version,
   * bound to another chat, or a tap with no chat at all).
   */
  unpack(data: string | undefined, chat: ChatSeal | undefined): T | undefined;
  /** unpack, saying why data was refused. */
  check(data: string | undefined, chat: ChatSeal | undefined): ButtonCheck<T>;
  /** True when the data claims this family (same test as `filter`). */
  claims(data: string | undefined): boolean;
}

/**
 * A versioned family of inline buttons: `<prefix>:<segment>:<segment>...:<mac>`. A token names an action and ids,
 * never arguments, so nothing a client forges can change what runs; the MAC binds it to the chat it was sent to.
 */
export function defineButtons<S extends z.ZodType>(definition: ButtonFamilyDefinition<S>): ButtonFamily<z.output<S>> {
  const { prefix, schema } = definition;
  if (!PREFIX.test(prefix)) throw new Error(`button family prefix ${prefix} is not a letter code and a version`);
  const head = `${prefix}:`;
  const check = (data: string | undefined, chat: ChatSeal | undefined): ButtonCheck<z.output<S>> => {
    const malformed = { ok: false, reason: 'malformed' } as const;
    if (typeof data !== 'string' || !data.startsWith(head)) return malformed;
    if (Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_MAX_BYTES) return malformed;
    const cut = data.lastIndexOf(':');
    const token = data.slice(0, cut);
    const mac = data.slice(cut + 1);
    if (cut <= head.length || !MAC.test(mac)) return malformed;
    const segments = token.slice(head.length).split(':');
    if (!segments.every((s) => SEGMENT.test(s))) return malformed;
    const parsed = schema.safeParse(definition.fromSegments(segments));
    if (!parsed.success) return malformed;
    // Checked last, so a shape this family never makes is "malformed" whatever its last segment is.
    if (!chat || !sameMac(mac, chat.mac(token))) return { ok: false, reason: 'other_chat' };
    return { ok: true, value: parsed.data };
  };
  return {
    prefix,
    filter: new RegExp(`^${prefix}:`),
    largest: definition.largest,
    pack(value, chat) {
      const segments = definition.toSegments(schema.parse(value));
      if (!segments.every((s) => SEGMENT.test(s))) throw new Error(`a ${prefix} button segment is not token-safe`);
      const token = head + segments.join(':');
      if (Buffer.byteLength(token, 'utf8') > CALLBACK_DATA_BUDGET_BYTES) throw new Error(`a ${prefix} token would not fit`);
      return `${token}:${chat.mac(token)}`;
    },
    unpack(data, chat) {
      const checked = check(data, chat);
      return checked.ok ? checked.value : undefined;
    },
    check,
    claims: (data) => typeof data === 'string' && data.startsWith(head),
  };
}

/** A segment of one to two digits as a number; anything else is NaN, which every integer schema refuses. */
export function smallNumber(segment: string | undefined): number {
  return segment !== undefined && /^\d{1,2}$/.test(segment) ? Number(segment) : Number.NaN;
}
