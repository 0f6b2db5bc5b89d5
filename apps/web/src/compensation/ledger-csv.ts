import { csvHeader, csvLine } from '@sada/core';
import type { Compensation } from './compensation-queries.ts';

const COLUMNS = [
  'date',
  'case',
  'customer',
  'team',
  'type',
  'amount',
  'currency',
  'status',
  'reason',
  'category',
  'product',
  'requestedBy',
  'decidedBy',
] as const;

/** The ledger's lines as CSV (UTF-8 with a byte-order mark, so spreadsheets read Arabic names right). */
export function ledgerCsv(items: Compensation[]): string {
  const rows = items.map((item) =>
    csvLine([
      item.givenAt ?? item.requestedAt,
      item.case.referenceNumber,
      item.customer?.name,
      item.team?.name,
      item.type,
      item.amount,
      item.currency,
      item.status,
      item.reason,
      item.category,
      item.product,
      item.requestedBy.name,
      item.decidedBy?.name,
    ]),
  );
  return csvHeader(COLUMNS) + rows.join('');
}
