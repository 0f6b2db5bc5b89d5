import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, createCase, signInOverHttp } from '../apps/server/test/harness.ts';
import { seriousAxeViolations } from './accessibility.ts';
import { type ConsoleFixture, newContext, saveScreenshot, signIn, startConsole } from './harness.ts';

// An admin reads the analytics page in Arabic: the volume chart and its series, how cases were
// handled, a series opening its cases in the inbox, and a table downloaded as CSV.
let fixture: ConsoleFixture;
let admin: ApiClient;

beforeAll(async () => {
  fixture = await startConsole();
  admin = (await signInOverHttp(fixture.server.baseUrl, fixture.demo)).client;
});
afterAll(async () => {
  await fixture?.close();
});

test('the analytics page shows volume and handling right to left, drills down to the inbox and exports CSV', async () => {
  await createCase(admin, { subject: 'شكوى عن الفاتورة', channel: 'phone', category: 'الفوترة' });
  // Ten negative complaints about delivery in this hour: the watch reads the hour and warns.
  for (let index = 0; index < 10; index += 1) {
    await createCase(admin, { subject: `الطلب متأخر ${index}`, category: 'الشحن', sentiment: 'negative' });
  }
  await fixture.server.services.spikes.detect(new Date(Date.now() + 3_600_000));
  const day = 86_400_000;
  const to = new Date(Math.ceil(Date.now() / day) * day);
  const from = new Date(to.getTime() - 30 * day);
  const range = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
  const handling = (await admin.get(`/api/analytics/handling?${range}&by=team`)).body;
  const phone = (await admin.get(`/api/cases?channel=phone&limit=100`)).body.items.length as number;

  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.getByRole('link', { name: 'التحليلات' }).click();
  await page.waitForURL(/\/analytics$/);
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

  // The ten late-delivery complaints make an emerging issue, rising, labelled by their words.
  const issue = page.getByTestId('emerging-issue').filter({ hasText: 'متاخر' });
  await issue.waitFor();
  expect(await issue.textContent()).toContain('10 حالات');

  // The early warning names the category, its count and usual, and links to example cases.
  const alert = page.getByTestId('spike-alert').filter({ hasText: 'الشحن' });
  await alert.waitFor();
  expect(await alert.textContent()).toContain('10 شكوى سلبية في ساعة واحدة');
  await alert
    .getByRole('link', { name: /الطلب متأخر/ })
    .first()
    .waitFor();

  // The chart is drawn (an SVG with a line per series) and the series are listed with their totals.
  await page.getByTestId('volume-chart').locator('svg path.recharts-line-curve').first().waitFor();
  const series = page.getByTestId('volume-series');
  await series.getByRole('link', { name: 'الفوترة' }).waitFor();

  // The handling table's total counts what the API counts.
  const total = page.getByTestId('handling-table').locator('tr[data-key="total"]');
  await total.waitFor();
  expect(await total.locator('td').nth(1).textContent()).toBe(
    new Intl.NumberFormat('ar').format(handling.total.cases),
  );
  // The backlog: every open case of the workspace in one age band.
  const backlog = (await admin.get('/api/analytics/backlog')).body;
  const backlogTotal = page.getByTestId('backlog-table').locator('tr[data-key="total"] td').last();
  expect(await backlogTotal.textContent()).toBe(new Intl.NumberFormat('ar').format(backlog.total));
  await page.getByTestId('backlog-table').getByText('أقل من يوم').waitFor();

  // The peak hours: every case of the range in one of the 7 × 24 cells.
  const heatmap = (await admin.get(`/api/analytics/heatmap?${range}`)).body;
  const cells = page.getByTestId('heatmap').locator('td[data-hour]');
  expect(await cells.count()).toBe(7 * 24);
  const shown = (await cells.allTextContents())
    .filter((text) => text !== '')
    .map((text) => Number(text.replace(/[٠-٩]/g, (digit) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(digit)))));
  expect(shown.reduce((sum, count) => sum + count, 0)).toBe(heatmap.total);
  expect(await seriousAxeViolations(page, '#main')).toEqual([]);
  await saveScreenshot(page, 'analytics-ar');

  // Every table downloads as CSV with a byte-order mark and a header.
  const downloadCsv = async (sectionTitle: string) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(sectionTitle).locator('..').getByRole('button', { name: 'تصدير الجدول (CSV)' }).click(),
    ]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };
  const csv = await downloadCsv('#handling-title');
  expect(csv.startsWith('\uFEFFالفريق,cases,open,')).toBe(true);
  expect(csv.trimEnd().split('\r\n')).toHaveLength(handling.rows.length + 2);
  const backlogCsv = (await downloadCsv('#backlog-title')).trimEnd().split('\r\n');
  expect(backlogCsv[0]).toBe('\uFEFFالعمر,جديدة,مفتوحة,بانتظار العميل,الحالات');
  expect(backlogCsv.at(-1)).toBe(`كل الحالات المفتوحة,,,,${backlog.total}`);
  const issuesCsv = await downloadCsv('#issues-title');
  expect(issuesCsv).toMatch(/\r\n[^\r\n]*متاخر[^\r\n]*,10,في ازدياد,/);
  const alertsCsv = await downloadCsv('#alerts-title');
  expect(alertsCsv).toMatch(/,التصنيف,الشحن,10,/);

  // The page's channel filter narrows every figure: the handling total is the phone cases'.
  const phoneHandling = (await admin.get(`/api/analytics/handling?${range}&by=team&channel=phone`)).body;
  await page.getByTestId('scope-channel').focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: 'الهاتف' }).click();
  await page.keyboard.press('Escape');
  await expect
    .poll(() => total.locator('td').nth(1).textContent())
    .toBe(new Intl.NumberFormat('ar').format(phoneHandling.total.cases));

  // Split by channel, a series opens its cases in the inbox.
  await page.getByRole('combobox', { name: 'التقسيم حسب' }).click();
  await page.getByRole('option', { name: 'القناة' }).click();
  await series.getByRole('link', { name: 'الهاتف' }).click();
  await page.waitForURL(/\/inbox\/all\?channel=phone/);
  await expect.poll(() => page.locator('[data-case-row]').count()).toBe(phone);
  await context.close();
});

test('the page filters by product, and a chart point opens only its series and day in the inbox', async () => {
  const card = 'بطاقة ائتمان';
  for (const region of ['الرياض', 'الرياض', 'جدة']) {
    await createCase(admin, {
      subject: 'رسوم غير متوقعة على البطاقة',
      channel: 'email',
      product: card,
      region,
    });
  }
  await createCase(admin, {
    subject: 'تأخر صرف التمويل',
    channel: 'email',
    product: 'تمويل شخصي',
    region: 'الرياض',
  });
  const day = 86_400_000;
  const to = new Date(Math.ceil(Date.now() / day) * day);
  const from = new Date(to.getTime() - 30 * day);
  const range = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
  const cardHandling = (
    await admin.get(`/api/analytics/handling?${range}&product=${encodeURIComponent(card)}`)
  ).body;

  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/analytics');

  // The product filter offers the products of the range and narrows every figure.
  const total = page.getByTestId('handling-table').locator('tr[data-key="total"]');
  await total.waitFor();
  await page.getByTestId('scope-product').focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: card }).click();
  await page.keyboard.press('Escape');
  await expect
    .poll(() => total.locator('td').nth(1).textContent())
    .toBe(new Intl.NumberFormat('ar').format(cardHandling.total.cases));

  // A backlog count links to its open cases: the three card cases, all under a day old.
  const youngest = page.getByTestId('backlog-table').locator('tr[data-band="1"] td').last().getByRole('link');
  await expect.poll(() => youngest.textContent()).toBe(new Intl.NumberFormat('ar').format(3));
  const backlogSearch = new URL((await youngest.getAttribute('href'))!, 'http://sada.test').search;
  expect(new URLSearchParams(backlogSearch).getAll('status')).toEqual(['new', 'open', 'pending']);
  expect((await admin.get(`/api/cases${backlogSearch}`)).body.items).toHaveLength(3);

  // Split by region: today's Riyadh point holds two of the card cases (every other point none), and
  // opens exactly those.
  await page.getByRole('combobox', { name: 'التقسيم حسب' }).click();
  await page.getByRole('option', { name: 'المنطقة' }).click();
  const points = page.getByTestId('volume-chart').locator('circle[data-series="الرياض"]');
  const point = points.and(page.locator('[data-count="2"]'));
  await point.waitFor();
  expect(await points.and(page.locator(':not([data-count="0"])')).count()).toBe(1);
  const start = (await point.getAttribute('data-t'))!;
  await point.click();
  await page.waitForURL(/\/inbox\/all\?/);
  const search = new URL(page.url()).searchParams;
  expect([...search.keys()].sort()).toEqual(['createdFrom', 'createdTo', 'product', 'region']);
  expect(search.getAll('product')).toEqual([card]);
  expect(search.getAll('region')).toEqual(['الرياض']);
  expect(Date.parse(search.get('createdFrom')!)).toBeGreaterThanOrEqual(Date.parse(start));
  await expect.poll(() => page.locator('[data-case-row]').count()).toBe(2);
  // The inbox shows the filters as chips a person can read and remove.
  await page.locator('[data-filter-chip="product"]').getByText(card).waitFor();
  await context.close();
});

test('a peak-hours cell and a "not set" series open exactly their cases in the inbox, from the keyboard too', async () => {
  // Three watch complaints of this hour, one of them without a region.
  const watch = 'ساعة ذكية';
  const created: { referenceNumber: string; createdAt: string }[] = [];
  for (const region of ['جدة', 'جدة', undefined]) {
    created.push(
      await createCase(admin, { subject: 'الساعة لا تشحن', channel: 'email', product: watch, region }),
    );
  }
  const bare = created.at(-1)!;
  const day = 86_400_000;
  const to = new Date(Math.ceil(Date.now() / day) * day);
  const from = new Date(to.getTime() - 30 * day);
  const range = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
  const heatmap = (await admin.get(`/api/analytics/heatmap?${range}&product=${encodeURIComponent(watch)}`))
    .body;
  // The cell of the last case: its weekday (0 = Sunday) and hour in the workspace's zone.
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: heatmap.timeZone,
    weekday: 'short',
    hour: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(new Date(bare.createdAt));
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(
    parts.find((part) => part.type === 'weekday')!.value,
  );
  const hour = Number(parts.find((part) => part.type === 'hour')!.value);
  const count = heatmap.counts[weekday][hour] as number;
  expect(count).toBeGreaterThan(0);

  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/analytics');
  await page.getByTestId('handling-table').locator('tr[data-key="total"]').waitFor();
  await page.getByTestId('scope-product').focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: watch }).click();
  await page.keyboard.press('Escape');

  // The cell is a link named by its day, hour and count; Enter opens the inbox on that cell's cases.
  const dayName = new Intl.DateTimeFormat('ar', { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, 0, 4 + weekday)),
  );
  const hh = String(hour).padStart(2, '0');
  const cell = page
    .getByTestId('heatmap')
    .locator(`td[data-weekday="${weekday}"][data-hour="${hour}"]`)
    .getByRole('link');
  await expect.poll(() => cell.getAttribute('aria-label')).toContain(`${dayName} الساعة ${hh}:00،`);
  expect(await page.getByTestId('heatmap').getByRole('link').count()).toBe(
    heatmap.counts.flat().filter((cases: number) => cases > 0).length,
  );
  await cell.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/inbox\/all\?/);
  const search = new URL(page.url()).searchParams;
  expect([search.get('weekday'), search.get('hour'), search.get('product')]).toEqual([
    String(weekday),
    String(hour),
    watch,
  ]);
  await expect.poll(() => page.locator('[data-case-row]').count()).toBe(count);
  // The inbox names the cell's filters as chips, each removable.
  expect(await page.locator('[data-filter-chip="weekday"]').textContent()).toContain(dayName);
  expect(await page.locator('[data-filter-chip="hour"]').textContent()).toContain(`${hh}:00`);
  await page.locator('[data-filter-chip="hour"]').click();
  await expect.poll(() => new URL(page.url()).searchParams.has('hour')).toBe(false);
  await page.locator('[data-filter-chip="weekday"]').waitFor();

  // Back on the page, split by region: the "not set" series opens the watch cases without a region.
  await page.goto('/analytics');
  await page.getByTestId('scope-product').focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: watch }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'التقسيم حسب' }).click();
  await page.getByRole('option', { name: 'المنطقة' }).click();
  const volume = (
    await admin.get(`/api/analytics/volume?${range}&by=region&product=${encodeURIComponent(watch)}`)
  ).body;
  const notSet = volume.series.find((series: { key: string | null }) => series.key === null);
  expect(notSet.total).toBe(1);
  const notSetRow = page.getByTestId('volume-series').locator('tr[data-key=""]');
  await notSetRow.getByRole('link', { name: 'غير محدد' }).click();
  await page.waitForURL(/\/inbox\/all\?/);
  expect(new URL(page.url()).searchParams.getAll('region')).toEqual(['none']);
  await expect.poll(() => page.locator('[data-case-row]').count()).toBe(notSet.total);
  await page.locator('[data-filter-chip="region"]').getByText('غير محدد').waitFor();
  expect(await page.locator('[data-case-row]').getAttribute('data-case-row')).toBe(bare.referenceNumber);
  await context.close();
});
