import { badRequest } from './bot-api-emulator-errors.js';
import type { BotApiMethodTable } from './bot-api-emulator-method.js';
import { parseParams, scopeAndLanguageParams, setMyCommandsParams, type BotCommandScope } from './bot-api-emulator-params.js';
import { botUserFor, type EmulatorState } from './bot-api-emulator-state.js';
import { telegramUser } from './bot-api-emulator-telegram-objects.js';

/** The key commands() uses for a scope: 'default', 'all_private_chats', 'chat:<id>', 'chat_member:<chat>:<user>'. */
export function commandScopeKey(scope: BotCommandScope | undefined): string {
  if (!scope || scope.type === 'default') return 'default';
  if (scope.type === 'chat' || scope.type === 'chat_administrators' || scope.type === 'chat_member') {
    if (scope.chat_id === undefined) throw badRequest('chat_id is empty');
    if (scope.type !== 'chat_member') return `${scope.type}:${scope.chat_id}`;
    if (scope.user_id === undefined) throw badRequest('user_id is empty');
    return `${scope.type}:${scope.chat_id}:${scope.user_id}`;
  }
  return scope.type;
}

/** Telegram takes only a two-letter ISO 639-1 code here ("zh", not "zh-TW"). */
function checkLanguageCode(code: string | undefined): string {
  const value = code ?? '';
  if (value !== '' && !/^[a-z]{2}$/.test(value)) throw badRequest('invalid language code specified');
  return value;
}

/** getMe, setMyCommands, getMyCommands, deleteMyCommands. */
export function createBotMethods(state: EmulatorState): BotApiMethodTable {
  return {
    getMe(_params, call) {
      return {
        ...telegramUser(botUserFor(call.token, state)),
        can_join_groups: true,
        can_read_all_group_messages: false,
        supports_inline_queries: false,
        can_connect_to_business: false,
        has_main_web_app: false,
      };
    },

    setMyCommands(params) {
      const p = parseParams(setMyCommandsParams, params, { commands: "can't parse commands JSON object" });
      const languageCode = checkLanguageCode(p.language_code);
      const scopeKey = commandScopeKey(p.scope);
      if (p.commands.length > 100) throw badRequest('too many commands specified');
      const commands = p.commands.map((entry) => {
        const command = entry.command.replace(/^\//, '');
        if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest('BOT_COMMAND_INVALID');
        const description = entry.description.trim();
        if (description === '' || [...description].length > 256) throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
        return { command, description };
      });
      const key = `${scopeKey}|${languageCode}`;
      if (commands.length === 0) state.commandLists.delete(key);
      else state.commandLists.set(key, { scopeKey, languageCode, commands });
      state.events.changed();
      return true;
    },

    getMyCommands(params) {
      const p = parseParams(scopeAndLanguageParams, params);
      const key = `${commandScopeKey(p.scope)}|${checkLanguageCode(p.language_code)}`;
      return (state.commandLists.get(key)?.commands ?? []).map((entry) => ({ ...entry }));
    },

    deleteMyCommands(params) {
      const p = parseParams(scopeAndLanguageParams, params);
      state.commandLists.delete(`${commandScopeKey(p.scope)}|${checkLanguageCode(p.language_code)}`);
      state.events.changed();
      return true;
    },
  };
}
