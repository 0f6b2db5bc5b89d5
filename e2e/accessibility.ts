import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core is evaluated in the page: the console's CSP rightly refuses inline scripts.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeResult = {
  violations: { id: string; impact: string; nodes: { target: string[]; html: string }[] }[];
};

/**
 * The serious and critical axe-core violations of the page as it is now, one line each (empty is
 * good); `within` limits the check to one part, e.g. '#main' for a page without the shell around it.
 */
export async function seriousAxeViolations(page: Page, within?: string): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (context) => {
    const { axe } = window as unknown as { axe: { run(context: unknown): Promise<AxeResult> } };
    return (await axe.run(context ?? document)).violations;
  }, within);
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => `${node.target.join(' ')} ${node.html.slice(0, 160)}`).join(' | ')}`,
    );
}
