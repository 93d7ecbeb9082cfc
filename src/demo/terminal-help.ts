/** The terminal chat's own help: one line in English, one in Traditional Chinese (a developer demo tool). */
export const TERMINAL_CHAT_HELP = [
  'Type to chat with the bot · 1, 2… or /press <n> presses a button on the newest card · /press <msg> <n> · /as <userId> acts as another user · /tglang <code> sets the Telegram language_code · /demo-alert [resolved] fires (or resolves) a sample Alertmanager alert · \\text sends text as is · /? help · /quit',
  '輸入文字與機器人對話 · 輸入 1、2… 或 /press <n> 按下最新卡片的按鈕 · /press <訊息> <n> · /as <使用者ID> 切換使用者 · /tglang <語言代碼> 切換 Telegram 的語言設定 · /demo-alert [resolved] 送出（或解除）範例 Alertmanager 告警 · \\文字 原樣送出 · /? 說明 · /quit 離開',
] as const;

export function terminalChatBanner(input: { chatId: number; userId: number; languageCode: string }): string {
  return [
    `Telegram Bot API emulator · terminal chat (simulated Telegram, not the real service) · chat ${input.chatId} · user ${input.userId} · ${input.languageCode}`,
    ...TERMINAL_CHAT_HELP,
  ].join('\n');
}
