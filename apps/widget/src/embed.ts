import type { Language } from './chat-types.ts';

/** What the company's <script> tag says: where Sada is, which workspace, which language if any. */
export type Embed = { base: string; workspace: string; language: Language | null };

const isLanguage = (value: string | null | undefined): value is Language => value === 'ar' || value === 'en';

/**
 * Reads the tag that loaded this script. `document.currentScript` is set while a classic script
 * runs, async or not; the search by `data-workspace` covers loaders that inject the code another way.
 */
export function readEmbed(current: HTMLOrSVGScriptElement | null): Embed | null {
  const script =
    current instanceof HTMLScriptElement && current.dataset.workspace
      ? current
      : document.querySelector<HTMLScriptElement>('script[data-workspace][src*="widget.js"]');
  const workspace = script?.dataset.workspace?.trim();
  if (!script?.src || !workspace) return null;
  const lang = script.dataset.lang?.trim().toLowerCase();
  return { base: new URL(script.src).origin, workspace, language: isLanguage(lang) ? lang : null };
}

/** data-lang, else the page's <html lang> when it is Arabic or English, else the workspace's own. */
export function chooseLanguage(embed: Embed, workspaceDefault: Language): Language {
  if (embed.language) return embed.language;
  const pageLanguage = document.documentElement.lang.trim().toLowerCase().split('-')[0];
  return isLanguage(pageLanguage) ? pageLanguage : workspaceDefault;
}

// Storage may be refused (privacy modes, sandboxed frames): the widget then forgets on reload.
function tryStorage<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** The chat token in localStorage (survives reloads) and the panel's state in sessionStorage. */
export function chatMemory(workspace: string) {
  const tokenKey = `sada-chat:${workspace}`;
  const openKey = `sada-chat:${workspace}:open`;
  return {
    token: () => tryStorage(() => localStorage.getItem(tokenKey), null),
    saveToken: (token: string) => tryStorage(() => localStorage.setItem(tokenKey, token), undefined),
    forgetToken: () => tryStorage(() => localStorage.removeItem(tokenKey), undefined),
    wasOpen: () => tryStorage(() => sessionStorage.getItem(openKey) === '1', false),
    saveOpen: (isOpen: boolean) =>
      tryStorage(() => sessionStorage.setItem(openKey, isOpen ? '1' : '0'), undefined),
  };
}
export type ChatMemory = ReturnType<typeof chatMemory>;
