import { CASE_STATUSES, CHANNELS, type Channel, PRIORITIES } from '@sada/core';
import { memo, type MouseEvent as ReactMouseEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelIcon } from '../cases/ChannelIcon.tsx';
import { useCategoryName } from '../cases/triage-queries.ts';
import { useFormatters } from '../ui/format.ts';
import { UserText } from '../ui/UserText.tsx';
import classes from './inbox.module.css';
import type { CaseRow as CaseRowData } from './inbox-filters.ts';

export const ROW_HEIGHT = 56;

/**
 * Everything a row shows that depends on the language, computed once per list: a row then renders
 * without hooks, which keeps scrolling through thousands of cases smooth.
 */
export type RowText = ReturnType<typeof useRowText>;

// A sentence with one value, translated once and filled by concatenation for each row.
const SLOT = '\u0000';
const template = (sentence: string) => {
  const [before = '', after = ''] = sentence.split(SLOT);
  return (value: string) => before + value + after;
};

/** Compact unit forms ("2h", "10m"), filled per row. */
export type DurationUnits = Record<'d' | 'h' | 'm', (count: number) => string>;

/** "1d 4h", "2h 10m", "25m": the two largest units of a duration. */
export function slaDuration(seconds: number, units: DurationUnits): string {
  const minutes = Math.floor(Math.abs(seconds) / 60);
  const [days, hours, rest] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
  if (days > 0) return hours > 0 ? `${units.d(days)} ${units.h(hours)}` : units.d(days);
  if (hours > 0) return rest > 0 ? `${units.h(hours)} ${units.m(rest)}` : units.h(hours);
  return units.m(rest);
}

const HOUR_MS = 3_600_000;

/** The time left on a row's nearest SLA clock, coloured by urgency; nothing without a running clock. */
function SlaBadge({ row, now, text }: { row: CaseRowData; now: number; text: RowText }) {
  if (row.slaStatus === 'paused' && !row.slaDueAt) {
    return <span className={`${classes.line} ${classes.secondary}`}>{text.sla.paused}</span>;
  }
  if (!row.slaDueAt) return null;
  const left = Date.parse(row.slaDueAt) - now;
  const label =
    left >= 0
      ? text.sla.left(slaDuration(left / 1000, text.sla.units))
      : text.sla.over(slaDuration(-left / 1000, text.sla.units));
  const urgency = left < 0 ? 'breached' : left < HOUR_MS ? 'soon' : 'later';
  return (
    <span
      className={`${classes.line} ${classes.badge} ${urgency === 'breached' ? classes.priorityP1 : urgency === 'soon' ? classes.priorityP2 : ''}`}
      data-sla={urgency}
      title={text.format.dateTime(row.slaDueAt)}
    >
      {label}
    </span>
  );
}

export function useRowText() {
  const { t, i18n } = useTranslation(['inbox', 'common', 'sla']);
  const format = useFormatters();
  const categoryName = useCategoryName();
  return useMemo(() => {
    const each = <K extends string>(keys: readonly K[], label: (key: K) => string) =>
      Object.fromEntries(keys.map((key) => [key, label(key)])) as Record<K, string>;
    return {
      language: i18n.language,
      format,
      channel: each(CHANNELS, (key) => t(`common:channel.${key}`)),
      priority: each(PRIORITIES, (key) => t(`common:priority.${key}`)),
      status: each(CASE_STATUSES, (key) => t(`common:status.${key}`)),
      unassigned: t('common:unassigned'),
      unknownCustomer: t('list.unknownCustomer'),
      selectCase: template(t('list.selectCase', { reference: SLOT })),
      openedAt: template(t('list.openedAt', { date: SLOT })),
      categoryName,
      sla: {
        units: {
          d: (count: number) => t('sla:units.d', { count }),
          h: (count: number) => t('sla:units.h', { count }),
          m: (count: number) => t('sla:units.m', { count }),
        },
        left: template(t('sla:left', { time: SLOT })),
        over: template(t('sla:over', { time: SLOT })),
        paused: t('sla:paused'),
      },
    };
  }, [t, i18n.language, format, categoryName]);
}

/** The channel's icon, named for screen readers (and for the mouse, in a tooltip). */
function ChannelMark({ channel, label }: { channel: Channel; label: string }) {
  return (
    <span className={classes.channel} role="img" aria-label={label} title={label}>
      <ChannelIcon channel={channel} size={18} />
    </span>
  );
}

type CaseRowProps = {
  row: CaseRowData;
  index: number;
  /** How many cases the list holds (-1 while unknown), for screen readers' "3 of 120". */
  setSize: number;
  start: number;
  now: number;
  text: RowText;
  isSelected: boolean;
  isActive: boolean;
  canSelect: boolean;
  assigneeName: string | undefined;
  teamName: string | undefined;
  onToggle: (referenceNumber: string, index: number, isRange: boolean) => void;
  onOpen: (referenceNumber: string, index: number) => void;
};

/**
 * One case in the inbox: channel, customer, subject, priority, status, assignee and age. The
 * subject is the row's link; a click anywhere else on the row opens the case too.
 */
export const CaseRow = memo(function CaseRow(props: CaseRowProps) {
  const { row, index, text, isSelected, isActive } = props;

  const openFromRow = (event: ReactMouseEvent<HTMLLIElement>) => {
    const target = event.target as HTMLElement;
    // The link and the checkbox do their own thing; text being selected is not a click.
    if (target.closest('a, input, label') || window.getSelection()?.toString()) return;
    props.onOpen(row.referenceNumber, index);
  };

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the row's link is the keyboard way in; the click is a larger target for the mouse.
    <li
      aria-posinset={index + 1}
      aria-setsize={props.setSize}
      data-index={index}
      className={`${classes.row} ${row.status === 'new' ? classes.isNew : ''}`}
      style={{ transform: `translateY(${props.start}px)` }}
      data-case-row={row.referenceNumber}
      data-selected={isSelected || undefined}
      data-active={isActive || undefined}
      onClick={openFromRow}
    >
      <div className={classes.cell}>
        {props.canSelect && (
          <input
            type="checkbox"
            className={classes.check}
            checked={isSelected}
            aria-label={text.selectCase(row.referenceNumber)}
            // Shift-click selects the range from the last toggled row.
            onChange={(event) =>
              props.onToggle(row.referenceNumber, index, (event.nativeEvent as MouseEvent).shiftKey === true)
            }
          />
        )}
      </div>
      <div className={classes.cell}>
        <ChannelMark channel={row.channel} label={text.channel[row.channel]} />
      </div>
      <div className={`${classes.cell} ${classes.optional}`}>
        <UserText className={`${classes.line} ${classes.customer}`}>
          {row.customerName ?? text.unknownCustomer}
        </UserText>
        <span className={`${classes.line} ${classes.secondary} ${classes.reference}`} dir="ltr">
          {row.referenceNumber}
        </span>
      </div>
      <div className={classes.cell}>
        {/* A plain link (the router's Link costs more per row than the whole row): a plain click
            opens the case in the console, a modified one (new tab, window) is the browser's. The
            subject is the customer's text: dir="auto" isolates it as UserText does (a <bdi> inside
            would hide its letters from the link's own direction). */}
        <a
          href={`/cases/${encodeURIComponent(row.referenceNumber)}`}
          className={`${classes.line} ${classes.subject}`}
          dir="auto"
          data-case-link
          onClick={(event) => {
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
              return;
            event.preventDefault();
            props.onOpen(row.referenceNumber, index);
          }}
        >
          {row.subject}
        </a>
        <span className={`${classes.line} ${classes.secondary}`} dir="auto">
          {[row.category && text.categoryName(row.category), ...row.tags.map((tag) => `#${tag}`)]
            .filter(Boolean)
            .join(' · ') || '\u00a0'}
        </span>
      </div>
      <div className={classes.cell}>
        <span className={`${classes.badge} ${classes[`priority${row.priority}`]}`}>
          {text.priority[row.priority]}
        </span>
      </div>
      <div className={`${classes.cell} ${classes.optional}`}>
        <span className={`${classes.badge} ${classes.status}`} data-status={row.status}>
          {text.status[row.status]}
        </span>
        <SlaBadge row={row} now={props.now} text={text} />
      </div>
      <div className={`${classes.cell} ${classes.optional}`}>
        {props.assigneeName ? (
          <UserText className={`${classes.line} ${classes.assignee}`}>{props.assigneeName}</UserText>
        ) : (
          <span className={`${classes.line} ${classes.secondary}`}>
            {row.assigneeId ? '\u2026' : text.unassigned}
          </span>
        )}
        {props.teamName && (
          <UserText className={`${classes.line} ${classes.secondary}`}>{props.teamName}</UserText>
        )}
      </div>
      {/* The SLA's time left goes here, before the age, once cases carry their due times
          (.table[data-sla] then makes its column). */}
      <div className={`${classes.cell} ${classes.age}`}>
        <time dateTime={row.createdAt} title={text.openedAt(text.format.dateTime(row.createdAt))}>
          {text.format.relativeTime(row.createdAt, props.now)}
        </time>
      </div>
    </li>
  );
});
