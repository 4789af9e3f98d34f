/** The payout run's files: an XLSX for the accounts department and a SEPA credit transfer (pain.001.001.03). */
import ExcelJS from 'exceljs';
import SEPA from 'sepa';
import type { Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import type { ClaimView, PayoutRunRow } from './repository.js';

export const SEPA_FORMAT = 'pain.001.001.03';

type Account = { accountHolder: string; iban: string; bic: string | null };

/** One transfer per guide: the sum of their claims in the run. */
export function transfersOf(claims: ClaimView[], accounts: Map<string, Account>) {
  const byGuide = new Map<string, { guideId: string; name: string; cents: number; count: number }>();
  for (const c of claims) {
    const entry = byGuide.get(c.claim.guideId) ?? {
      guideId: c.claim.guideId,
      name: `${c.firstName} ${c.lastName}`.trim(),
      cents: 0,
      count: 0,
    };
    entry.cents += c.claim.amountCents;
    entry.count += 1;
    byGuide.set(c.claim.guideId, entry);
  }
  const all = [...byGuide.values()].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  return {
    payable: all.filter((t) => t.cents > 0 && accounts.has(t.guideId)),
    withoutAccount: all.filter((t) => !accounts.has(t.guideId)),
  };
}

/**
 * SEPA allows a small Latin character set in names and references: umlauts are spelt out, anything else outside
 * it becomes a space (names in other scripts should be entered as on the bank account, see the bank details form).
 */
export function sepaText(text: string, max: number) {
  const spelt = text
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
  const clean = spelt
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (clean || '-').slice(0, max);
}

export function buildSepa(
  run: PayoutRunRow,
  debtor: { name: string; iban: string; bic: string | null },
  claims: ClaimView[],
  accounts: Map<string, Account>,
  createdAt: Date,
) {
  const { payable } = transfersOf(claims, accounts);
  const doc = new SEPA.Document(SEPA_FORMAT);
  doc.grpHdr.id = run.reference;
  doc.grpHdr.created = createdAt;
  doc.grpHdr.initiatorName = sepaText(debtor.name, 70);
  const info = doc.createPaymentInfo();
  info.requestedExecutionDate = new Date(`${run.paidOn}T12:00:00Z`);
  info.debtorIBAN = debtor.iban;
  if (debtor.bic) info.debtorBIC = debtor.bic;
  info.debtorName = sepaText(debtor.name, 70);
  doc.addPaymentInfo(info);
  payable.forEach((t, i) => {
    const account = accounts.get(t.guideId) as Account;
    const tx = info.createTransaction();
    tx.creditorName = sepaText(account.accountHolder, 70);
    tx.creditorIBAN = account.iban;
    if (account.bic) tx.creditorBIC = account.bic;
    // Integer cents to a two-decimal euro amount without floating-point residue.
    tx.amount = Number((t.cents / 100).toFixed(2));
    tx.remittanceInfo = sepaText(`Auslagenerstattung ${run.reference} (${t.count})`, 140);
    tx.end2endId = sepaText(`${run.reference}-${i + 1}`, 35);
    info.addTransaction(tx);
  });
  return { xml: doc.toString() as string, count: payable.length };
}

export async function buildXlsx(
  run: PayoutRunRow,
  claims: ClaimView[],
  accounts: Map<string, Account>,
  locale: Locale,
) {
  const t = (key: string) => translate(locale, `expenses.xlsx.${key}`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lotsennetz';
  const money = '#,##0.00 "€"';

  const sheet = workbook.addWorksheet(t('claimsSheet'));
  sheet.columns = [
    { header: t('guide'), key: 'guide', width: 28 },
    { header: t('date'), key: 'date', width: 12 },
    { header: t('purpose'), key: 'purpose', width: 30 },
    { header: t('route'), key: 'route', width: 34 },
    { header: t('transport'), key: 'transport', width: 16 },
    { header: t('km'), key: 'km', width: 8 },
    { header: t('kmRate'), key: 'kmRate', width: 10 },
    { header: t('ticket'), key: 'ticket', width: 12 },
    { header: t('other'), key: 'other', width: 12 },
    { header: t('amount'), key: 'amount', width: 12 },
    { header: t('paidOn'), key: 'paidOn', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const c of claims) {
    const row = sheet.addRow({
      guide: `${c.lastName}, ${c.firstName}`,
      date: c.claim.date,
      purpose: c.requestTitle ?? c.categoryLabel ?? '',
      route: [c.claim.origin, c.claim.destination].filter(Boolean).join(' → '),
      transport: translate(locale, `expenses.transport.${c.claim.transport}`),
      km: c.claim.km,
      kmRate: c.claim.kmRateCents === null ? null : c.claim.kmRateCents / 100,
      ticket: c.claim.ticketCents === null ? null : c.claim.ticketCents / 100,
      other: c.claim.otherCents === null ? null : c.claim.otherCents / 100,
      amount: c.claim.amountCents / 100,
      paidOn: run.paidOn,
    });
    for (const key of ['kmRate', 'ticket', 'other', 'amount']) row.getCell(key).numFmt = money;
  }

  const { payable, withoutAccount } = transfersOf(claims, accounts);
  const sums = workbook.addWorksheet(t('transfersSheet'));
  sums.columns = [
    { header: t('guide'), key: 'guide', width: 28 },
    { header: t('accountHolder'), key: 'holder', width: 28 },
    { header: t('iban'), key: 'iban', width: 28 },
    { header: t('bic'), key: 'bic', width: 14 },
    { header: t('claims'), key: 'count', width: 10 },
    { header: t('amount'), key: 'amount', width: 12 },
  ];
  sums.getRow(1).font = { bold: true };
  for (const tr of [...payable, ...withoutAccount]) {
    const account = accounts.get(tr.guideId);
    const row = sums.addRow({
      guide: tr.name,
      holder: account?.accountHolder ?? t('noBankAccount'),
      iban: account?.iban ?? '',
      bic: account?.bic ?? '',
      count: tr.count,
      amount: tr.cents / 100,
    });
    row.getCell('amount').numFmt = money;
  }
  const total = sums.addRow({ guide: t('total'), count: claims.length, amount: run.totalCents / 100 });
  total.font = { bold: true };
  total.getCell('amount').numFmt = money;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
