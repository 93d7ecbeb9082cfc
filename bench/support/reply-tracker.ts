import { performance } from 'node:perf_hooks';
import type { BotApiEmulator, EmulatedMessage } from '../../src/demo/bot-api-emulator.js';
import { summarize, type Summary } from './stats.js';
import { pollUntil } from './timing.js';

export interface Sent {
  chatId: number;
  messageId: number;
  kind: string;
  sentAt: number;
  firstReplyAt?: number;
  replies: number;
  /** The first reply quoted this message (an ack, after which the handler may still do work). */
  answeredByQuote?: boolean;
  /** Set while someone awaits this message's first reply. */
  onAnswer?: () => void;
}

export interface TrackerReport {
  sent: number;
  answered: number;
  /** Messages with no reply at all. */
  lost: number;
  /** Messages answered more than once, plus bot messages that answer nothing we sent. */
  duplicated: number;
  latency: Summary;
  byKind: Record<string, Summary>;
  /** From the first message sent to the last first-reply, in ms. */
  spanMs: number;
  /** The start of each extra reply's text, with how often it came: what the duplicates were. */
  extraReplies: Map<string, number>;
}

export interface ReplyTracker {
  /** Injects a user message and starts its clock. */
  send(input: { chatId: number; userId: number; text: string; kind: string; languageCode?: string }): Sent;
  /** Resolves with the reply latency of that message in ms, or undefined when none came within timeoutMs. */
  answerOf(sent: Sent, timeoutMs: number): Promise<number | undefined>;
  /** Waits until every message sent so far has a reply; false on timeout. */
  allAnswered(timeoutMs: number): Promise<boolean>;
  report(filter?: (sent: Sent) => boolean): TrackerReport;
  /** Every message sent so far, with its reply times (for a closer look at the tail). */
  sent(): readonly Sent[];
  stop(): void;
}

/**
 * Ack latency = from injecting the update in the emulator to the bot's first message that answers it, taken
 * from the emulator's 'message' event (same process, same clock). A reply that quotes a message
 * (reply_parameters) answers that one; any other reply answers the chat's oldest unanswered message, which is
 * exact when one person writes in each chat, as in these benches (the bot keeps a person's messages in a chat in
 * order).
 */
export interface ReplyTrackerOptions {
  /**
   * Bot messages that follow up the chat's last answered message instead of answering a new one (the error
   * notice after an ack, when the enqueue behind it failed). They count as a second reply to that message when
   * it was answered by a quoting ack.
   */
  isFollowUp?: (message: EmulatedMessage) => boolean;
}

export function createReplyTracker(emulator: BotApiEmulator, options: ReplyTrackerOptions = {}): ReplyTracker {
  const all: Sent[] = [];
  const lastAnsweredByChat = new Map<number, Sent>();
  const byKey = new Map<string, Sent>();
  const unansweredByChat = new Map<number, Sent[]>();
  let orphans = 0;
  let answered = 0;
  const extraReplies = new Map<string, number>();
  const noteExtra = (m: EmulatedMessage) => {
    // Ids and refs differ from message to message; without them, equal notices count together.
    const head = m.plainText
      .replace(/\s+/g, ' ')
      .replace(/[0-9a-f]{8,}/g, '…')
      .slice(0, 60);
    extraReplies.set(head, (extraReplies.get(head) ?? 0) + 1);
  };

  const onMessage = (m: EmulatedMessage) => {
    const at = performance.now();
    if (!m.fromBot) return;
    let target = m.replyToMessageId !== undefined ? byKey.get(`${m.chatId}:${m.replyToMessageId}`) : undefined;
    const last = lastAnsweredByChat.get(m.chatId);
    if (!target && last?.answeredByQuote && options.isFollowUp?.(m)) target = last;
    if (!target) target = (unansweredByChat.get(m.chatId) ?? []).find((s) => s.firstReplyAt === undefined);
    if (!target) {
      orphans += 1;
      noteExtra(m);
      return;
    }
    target.replies += 1;
    if (target.replies > 1) noteExtra(m);
    if (target.firstReplyAt === undefined) {
      target.firstReplyAt = at;
      target.answeredByQuote = m.replyToMessageId === target.messageId;
      lastAnsweredByChat.set(m.chatId, target);
      answered += 1;
      target.onAnswer?.();
      const queue = unansweredByChat.get(m.chatId);
      if (queue) {
        // Drop answered entries from the front so the scan stays short.
        while (queue.length > 0 && queue[0]?.firstReplyAt !== undefined) queue.shift();
      }
    }
  };
  const unsubscribe = emulator.on('message', onMessage);

  return {
    send(input) {
      const sentAt = performance.now();
      const { messageId } = emulator.sendUserMessage({
        chatId: input.chatId,
        userId: input.userId,
        text: input.text,
        languageCode: input.languageCode ?? 'en',
      });
      const sent: Sent = { chatId: input.chatId, messageId, kind: input.kind, sentAt, replies: 0 };
      all.push(sent);
      byKey.set(`${input.chatId}:${messageId}`, sent);
      const queue = unansweredByChat.get(input.chatId) ?? [];
      queue.push(sent);
      unansweredByChat.set(input.chatId, queue);
      return sent;
    },
    async answerOf(sent, timeoutMs) {
      if (sent.firstReplyAt === undefined) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          sent.onAnswer = resolve;
          timer = setTimeout(resolve, timeoutMs);
        });
        clearTimeout(timer);
        delete sent.onAnswer;
      }
      return sent.firstReplyAt === undefined ? undefined : sent.firstReplyAt - sent.sentAt;
    },
    allAnswered: (timeoutMs) => pollUntil(() => answered === all.length, timeoutMs, 10),
    report(filter = () => true) {
      const chosen = all.filter(filter);
      const done = chosen.filter((s) => s.firstReplyAt !== undefined);
      const latencies = done.map((s) => (s.firstReplyAt ?? 0) - s.sentAt);
      const kinds = [...new Set(chosen.map((s) => s.kind))];
      const byKind: Record<string, Summary> = {};
      for (const kind of kinds) {
        byKind[kind] = summarize(done.filter((s) => s.kind === kind).map((s) => (s.firstReplyAt ?? 0) - s.sentAt));
      }
      const firstSent = Math.min(...chosen.map((s) => s.sentAt));
      const lastReply = Math.max(...done.map((s) => s.firstReplyAt ?? 0));
      return {
        sent: chosen.length,
        answered: done.length,
        lost: chosen.length - done.length,
        duplicated: chosen.reduce((n, s) => n + Math.max(0, s.replies - 1), 0) + orphans,
        latency: summarize(latencies),
        byKind,
        spanMs: done.length > 0 ? lastReply - firstSent : Number.NaN,
        extraReplies: new Map(extraReplies),
      };
    },
    sent: () => all,
    stop: unsubscribe,
  };
}
