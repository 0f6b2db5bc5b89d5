import { Modal, type ModalProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Whether a dialog is open, and how it asks its owner to close it. */
export type DialogProps = { opened: boolean; onClose: () => void };

/**
 * A dialog whose close button is named in the reader's language. Its content mounts on each
 * opening, so a form inside starts from the data as it is now.
 */
export function DialogFrame({
  title,
  size,
  children,
  ...dialog
}: DialogProps & { title: ReactNode; size?: ModalProps['size']; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Modal closeButtonProps={{ 'aria-label': t('actions.close') }} title={title} size={size} {...dialog}>
      {children}
    </Modal>
  );
}
