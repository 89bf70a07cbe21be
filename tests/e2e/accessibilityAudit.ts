// An axe-core audit of a page in the light and the dark theme: nothing
// serious or critical. With SCREENSHOTS=1 (`npm run screenshots`) each state
// is also written to docs/screenshots, which the README shows.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

const screenshotDir = path.resolve(import.meta.dirname, '../../docs/screenshots');
const schemes = ['light', 'dark'] as const;

export async function auditAndCapture(page: Page, name: string, { capture = true } = {}): Promise<void> {
  for (const colorScheme of schemes) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
    expect(serious, `${name}, ${colorScheme}`).toEqual([]);
    if (capture && process.env.SCREENSHOTS) {
      await mkdir(screenshotDir, { recursive: true });
      await page.screenshot({ path: path.join(screenshotDir, `${name}-${colorScheme}.png`), fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: null });
}

