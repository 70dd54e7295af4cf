/**
 * Two languages, Chinese (default) and English. Each area of the console brings its own messages
 * (`{ en: {...}, zh: {...} }` with the same keys; scripts/check-messages.mjs fails the build otherwise).
 * `{name}` in a message is replaced by params.name.
 */
export type Lang = 'zh' | 'en';
export type Messages = { readonly en: Record<string, string>; readonly zh: Record<string, string> };

const STORAGE_KEY = 'dcx.lang';
const dictionaries: Record<Lang, Record<string, string>> = { en: {}, zh: {} };
let current: Lang = initialLang();
const listeners = new Set<() => void>();

function initialLang(): Lang {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'zh') return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function addMessages(messages: Messages): void {
  Object.assign(dictionaries.en, messages.en);
  Object.assign(dictionaries.zh, messages.zh);
}

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  current = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  listeners.forEach(l => l());
}

export function onLangChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function t(key: string, params: Record<string, string | number> = {}): string {
  const text = dictionaries[current][key] ?? dictionaries.en[key];
  if (text === undefined) {
    console.warn(`missing message: ${key}`);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

/** A server code (error code, status, rule) in words when a message exists for it, else the code itself. */
export function tCode(prefix: string, code: string | undefined | null): string {
  if (!code) return '';
  const key = `${prefix}.${code}`;
  return dictionaries[current][key] ?? dictionaries.en[key] ?? code;
}
