import { expect, test } from 'vitest';
import type { Compensation } from './compensation-queries.ts';
import { ledgerCsv } from './ledger-csv.ts';

const given: Compensation = {
  id: '0194a6a0-0000-7000-8000-000000000001',
  case: {
    id: '0194a6a0-0000-7000-8000-000000000002',
    referenceNumber: 'SAD-2026-000042',
    subject: 'x',
    status: 'open',
  },
  customer: { id: '0194a6a0-0000-7000-8000-000000000003', name: 'ريم "القحطاني"' },
  team: null,
  offerId: null,
  optionId: null,
  type: 'refund',
  amount: 300,
  currency: 'SAR',
  reason: '=HYPERLINK("http://evil")',
  category: 'billing_refunds',
  product: null,
  status: 'given',
  requestedBy: { id: '0194a6a0-0000-7000-8000-000000000004', name: 'Layla' },
  requestedAt: '2026-11-20T10:00:00.000Z',
  decidedBy: { id: '0194a6a0-0000-7000-8000-000000000005', name: 'Khalid' },
  decidedAt: '2026-11-20T11:00:00.000Z',
  decisionReason: null,
  givenAt: '2026-11-21T09:00:00.000Z',
};

test('writes a header and one line per compensation, Arabic names and quotes intact', () => {
  const lines = ledgerCsv([given])
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe(
    'date,case,customer,team,type,amount,currency,status,reason,category,product,requestedBy,decidedBy',
  );
  expect(lines[1]).toContain('2026-11-21T09:00:00.000Z,SAD-2026-000042,"ريم ""القحطاني""",,');
  expect(lines[1]).toContain(',refund,300,SAR,given,');
  expect(lines[1]?.endsWith(',Layla,Khalid')).toBe(true);
});

test('keeps a reason that starts like a formula from running in a spreadsheet', () => {
  expect(ledgerCsv([given])).toContain(`"'=HYPERLINK(""http://evil"")"`);
});

test('starts with a byte-order mark so spreadsheets read the UTF-8 Arabic', () => {
  expect(ledgerCsv([]).startsWith('\uFEFFdate,')).toBe(true);
});
