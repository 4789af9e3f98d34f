/**
 * The document layer: every PDF the product prints (agreements, certificates, hours statements, attendance lists,
 * reports) is built with `createDocument(...)` and its blocks, in every script the people involved write in.
 *
 *   const doc = createDocument({ title, office, reference });
 *   doc.title('Vereinbarung über eine Begleitung', { badge: 'Fassung 3' }).heading('Ziel').paragraph(goal);
 *   doc.keepTogether((d) => d.heading('Bestätigungen').keyValues(rows).signatures(parties));
 *   const bytes = await doc.render();
 */

export { theme } from './blocks.js';
export type { BarChartOptions, ChartItem, ChartSeries } from './chart.js';
export { type BlockOptions, createDocument, type DocumentOptions, type Party, PrintDocument } from './document.js';
export { fontProblems } from './fonts.js';
export { fileSlug, formatDate, formatDateTime } from './format.js';
export type { Office } from './letterhead.js';
export type { TableColumn } from './table.js';
