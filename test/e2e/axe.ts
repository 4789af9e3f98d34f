import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/* Shared by the browser tests and scripts/screenshots.ts, so both hold the pages to the same rules. */

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: the bar the platform promises (issues #6 and #14). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** axe's best practices (landmarks, heading order ...) ran before the tag set was named; they keep running. */
const TAGS = [...WCAG_TAGS, 'best-practice'];

/**
 * axe-core switches its experimental rules off even when their tags are asked for; these are the experimental ones
 * that test a WCAG A/AA criterion (axe-core 4.13: `axe.getRules(['experimental'])` filtered by WCAG_TAGS).
 * label-content-name-mismatch is WCAG 2.5.3 "label in name".
 */
export const EXPERIMENTAL_WCAG_RULES = [
  'css-orientation-lock',
  'label-content-name-mismatch',
  'p-as-heading',
  'table-fake-caption',
  'td-has-header',
];

/** The full WCAG A/AA tag set (plus best practices) with the experimental WCAG rules switched on. */
export function axeFor(page: Page) {
  const rules = Object.fromEntries(EXPERIMENTAL_WCAG_RULES.map((id) => [id, { enabled: true }]));
  // `options()` replaces the builder's options, so it must come before `withTags()`, which adds `runOnly`.
  // Only violations are reported: collecting every passing node of a large page is most of axe's time.
  // Legacy mode runs axe.run() in the page itself. The default runs each frame's part there and then opens a blank
  // page to join the parts, a second tab and a second copy of axe for every check; our pages have no frames.
  return new AxeBuilder({ page })
    .options({ rules, resultTypes: ['violations'] })
    .withTags(TAGS)
    .setLegacyMode(true);
}

/** Every violation's rule, impact and first nodes, so a report says what to fix. */
export async function axeViolations(page: Page): Promise<string[]> {
  // A page the server rendered is inert, and so outside the accessibility tree, until the browser has taken it over
  // (ADR 0013): checked before that, it would have no main landmark and no heading.
  await page.locator('#root[inert]').waitFor({ state: 'detached', timeout: 15_000 });
  const result = await axeFor(page).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`)
        .slice(0, 3)
        .join(' | ')}`,
  );
}
