import { Kbd, Modal, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const SHORTCUTS = [
  ['j', 'next'],
  ['k', 'previous'],
  ['Enter', 'open'],
  ['x', 'select'],
  ['r', 'reply'],
  ['n', 'note'],
  ['e', 'resolve'],
  ['/', 'search'],
  ['?', 'help'],
] as const;

/** The list of keyboard shortcuts, opened with "?". */
export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('shortcuts.title')}
      closeButtonProps={{ 'aria-label': t('actions.close') }}
    >
      <Table>
        <Table.Tbody>
          {SHORTCUTS.map(([key, action]) => (
            <Table.Tr key={key}>
              <Table.Td w={80}>
                <Kbd>{key}</Kbd>
              </Table.Td>
              <Table.Td>{t(`shortcuts.${action}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
