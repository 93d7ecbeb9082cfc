import type { Api } from 'grammy';
import type { Translate } from '../../i18n/translator.js';
import type { Locale } from '../../i18n/locale.js';

export const MENU_COMMANDS = ['start', 'help', 'run', 'status', 'approvals', 'cancel', 'audit', 'mode', 'lang'] as const;

function menu(t: Translate, locale: Locale) {
  return MENU_COMMANDS.map((command) => ({ command, description: t(locale, `cmd-${command}`) }));
}

/** Registers the command menu in both languages: English as the default, Chinese for every zh client. */
export async function registerCommandMenu(api: Api, t: Translate): Promise<void> {
  await api.setMyCommands(menu(t, 'en'));
  await api.setMyCommands(menu(t, 'zh-TW'), { language_code: 'zh' });
}
