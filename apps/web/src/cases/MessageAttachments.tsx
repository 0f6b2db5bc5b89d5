import { Anchor, List } from '@mantine/core';
import { IconDownload, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../ui/format.ts';
import { UserText } from '../ui/UserText.tsx';
import classes from './case.module.css';
import type { CaseMessage } from './case-types.ts';

type Attachment = CaseMessage['attachments'][number];

// Sizes in the UI language: "12 kB", "1.5 MB" ("١٢ كيلوبايت" reads as Arabic users expect).
function fileSize(bytes: number, locale: string): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / (1024 * 1024), 'megabyte']
      : bytes >= 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}

/**
 * A message's files: those Sada stores (an id and a same-origin url that downloads with the session)
 * as download links, images with a small preview; links an agent gave open in a new tab.
 */
export function MessageAttachments({ attachments }: { attachments: Attachment[] }) {
  const { t } = useTranslation('case');
  const format = useFormatters();
  return (
    <List
      size="xs"
      spacing={4}
      icon={<IconPaperclip size={12} aria-hidden />}
      aria-label={t('thread.attachments')}
      data-testid="attachments"
    >
      {attachments.map((attachment, index) => (
        <List.Item key={attachment.id ?? `${index}-${attachment.name}`}>
          <AttachmentLink attachment={attachment} />{' '}
          <span className={classes.meta}>({fileSize(attachment.size, format.locale)})</span>
        </List.Item>
      ))}
    </List>
  );
}

function AttachmentLink({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation('case');
  const name = <UserText>{attachment.name}</UserText>;
  if (!attachment.url) return name;
  if (!attachment.id)
    return (
      <Anchor href={attachment.url} target="_blank" rel="noreferrer noopener" size="xs">
        {name}
      </Anchor>
    );
  const isImage = attachment.contentType.startsWith('image/');
  return (
    <Anchor
      href={attachment.url}
      download={attachment.name}
      size="xs"
      aria-label={t('thread.download', { name: attachment.name })}
      data-testid="attachment-download"
    >
      {isImage && <img src={attachment.url} alt="" loading="lazy" className={classes.attachmentThumbnail} />}
      <IconDownload size={12} aria-hidden /> {name}
    </Anchor>
  );
}
