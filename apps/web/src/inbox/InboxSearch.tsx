import { Kbd, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPath, useLocation, useNavigate } from 'react-router';

// Typing somewhere already: "/" is a character there, not the shortcut.
const TYPING = 'input, textarea, select, [contenteditable="true"]';

/**
 * The search box of the header. "/" focuses it; searching shows the inbox with the text filter:
 * the same view and filters on an inbox page, every case from anywhere else.
 */
export function InboxSearch() {
  const { t } = useTranslation('inbox');
  const location = useLocation();
  const navigate = useNavigate();
  const inputRef = useRef<HTMLInputElement>(null);
  const inboxMatch = matchPath('/inbox/:view', location.pathname);
  const currentQuery = inboxMatch ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  const [text, setText] = useState(currentQuery);
  useEffect(() => setText(currentQuery), [currentQuery]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const isSlash = event.key === '/' || (event.code === 'Slash' && !event.shiftKey);
      if (!isSlash || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target instanceof HTMLElement ? event.target : undefined;
      if (target?.closest(TYPING) || target?.closest('[role="dialog"]')) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = text.trim();
    const search = new URLSearchParams(inboxMatch ? location.search : '');
    if (query) search.set('q', query);
    else search.delete('q');
    const path = inboxMatch ? location.pathname : '/inbox/all';
    const suffix = search.toString();
    navigate(suffix ? `${path}?${suffix}` : path);
    inputRef.current?.blur();
  };

  return (
    <search style={{ flex: '0 1 26rem', minWidth: 0 }}>
      <form onSubmit={submit}>
        <TextInput
          ref={inputRef}
          type="search"
          size="sm"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') event.currentTarget.blur();
          }}
          maxLength={200}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={
            text ? undefined : (
              <Kbd size="xs" title={t('search.hint')} aria-hidden>
                /
              </Kbd>
            )
          }
          data-testid="inbox-search"
        />
      </form>
    </search>
  );
}
