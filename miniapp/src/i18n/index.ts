import { CATEGORIES } from '@weiquan/shared';
import { createStore, useStore } from '../lib/store';
import { readStored, writeStored } from '../lib/storage';
import { en } from './en';
import { categoryNamesHant, zhHant } from './zh-hant';
import { zhHans, type MessageKey } from './zh-hans';

export type { MessageKey };
export const LANGUAGES = [
  { code: 'zh-Hans', label: '简体中文' },
  { code: 'zh-Hant', label: '繁體中文' },
  { code: 'en', label: 'English' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const CATALOGUE: Record<Language, Record<MessageKey, string>> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

export interface Settings {
  lang: Language;
  largeText: boolean;
}
const SETTINGS_KEY = 'wq.settings';
export const settings = createStore<Settings>({
  lang: 'zh-Hans',
  largeText: false,
  ...readStored<Partial<Settings>>(SETTINGS_KEY),
});

export function updateSettings(patch: Partial<Settings>): void {
  settings.set((prev) => {
    const next = { ...prev, ...patch };
    writeStored(SETTINGS_KEY, next);
    return next;
  });
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translate(lang: Language, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = CATALOGUE[lang][key] ?? zhHans[key] ?? key;
  return vars
    ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`))
    : template;
}

export function categoryLabel(lang: Language, code: string): string {
  const c = CATEGORIES.find((x) => x.code === code);
  if (!c) return code;
  if (lang === 'en') return c.nameEn;
  if (lang === 'zh-Hant') return categoryNamesHant[code] ?? c.name;
  return c.name;
}

/** The translator for the current language; re-renders when the language changes. */
export function useT(): Translate & { lang: Language } {
  const { lang } = useStore(settings);
  const t = ((key, vars) => translate(lang, key, vars)) as Translate & { lang: Language };
  t.lang = lang;
  return t;
}
