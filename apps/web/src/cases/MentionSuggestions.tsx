import { Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkspaceUser } from './case-types.ts';

export const mentionOptionId = (listId: string, index: number) => `${listId}-${index}`;

/**
 * Teammates matching what follows "@" in a note. The textarea keeps the focus and moves through
 * the list with the arrow keys (aria-activedescendant); a click or Enter picks one.
 */
export function MentionSuggestions({
  listId,
  users,
  activeIndex,
  onPick,
}: {
  listId: string;
  users: WorkspaceUser[];
  activeIndex: number;
  onPick: (user: WorkspaceUser) => void;
}) {
  const { t } = useTranslation(['case', 'common']);
  if (users.length === 0) return null;
  return (
    <Paper withBorder shadow="sm" p={4} mt={4} maw={320}>
      <div id={listId} role="listbox" aria-label={t('composer.mention')} data-testid="mention-suggestions">
        {users.map((user, index) => (
          <div
            key={user.id}
            id={mentionOptionId(listId, index)}
            role="option"
            tabIndex={-1}
            aria-selected={index === activeIndex}
            // Keeps the focus (and the caret) in the textarea.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(user)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') onPick(user);
            }}
            style={{
              cursor: 'pointer',
              padding: '4px 8px',
              borderRadius: 4,
              background: index === activeIndex ? 'var(--mantine-color-teal-1)' : undefined,
            }}
          >
            <bdi>{user.name}</bdi>
          </div>
        ))}
      </div>
    </Paper>
  );
}
