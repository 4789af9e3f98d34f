import type { Tx } from '../../db/client.js';
import type { Actor, AppContext } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import { inOfficeOf } from '../../server/officeScope.js';
import type { PrivacyExport, RecordRead, SubjectKind } from '../../shared/privacy.js';
import { recordAudit } from '../audit/recorder.js';
import { officeRepository } from '../offices/repository.js';
import { settingsRepository } from '../settings/repository.js';
import { renderPrivacyPdf } from './pdf.js';
import { privacyPolicy } from './policy.js';
import { privacyRepository as repo } from './repository.js';
import { referencingSections, subjectRecord } from './walk.js';

export type ExportFormat = 'json' | 'pdf';

const idsIn = (rows: Record<string, unknown>[]) =>
  rows.map((r) => r.id).filter((id): id is string => typeof id === 'string');

export class PrivacyService {
  constructor(private readonly ctx: AppContext) {}

  /** The Art. 15 file of a guide, a user or an accompanied person, produced by the office. */
  exportSubject(actor: Actor, kind: SubjectKind, id: string, format: ExportFormat) {
    if (!privacyPolicy.exportAny(actor)) throw forbidden();
    return this.produce(actor, kind, id, format);
  }

  /** The caller's own file: a guide gets their guide record (with their account), everyone else their account. */
  exportOwn(actor: Actor, format: ExportFormat) {
    if (!privacyPolicy.exportOwn(actor)) throw forbidden();
    return actor.role === 'guide' && actor.guideId
      ? this.produce(actor, 'guide', actor.guideId, format)
      : this.produce(actor, 'user', actor.userId, format);
  }

  /** Who read a guide's record, and when (coordinators only). */
  readsOfGuide(actor: Actor, guideId: string): Promise<{ items: RecordRead[]; total: number }> {
    if (!privacyPolicy.readLog(actor)) throw forbidden();
    return inOfficeOf(this.ctx, actor, async (tx, officeId) => {
      const record = await subjectRecord(tx, 'guide', guideId);
      if (!record) throw notFound();
      const items = await this.reads(tx, officeId, 'guide', guideId);
      return { items, total: items.length };
    });
  }

  private async reads(tx: Tx, officeId: string, kind: SubjectKind, id: string): Promise<RecordRead[]> {
    const assignmentIds = kind === 'guide' ? await repo.assignmentIdsOfGuide(tx, id) : [];
    return repo.readsOf(tx, officeId, kind, id, assignmentIds);
  }

  private produce(actor: Actor, kind: SubjectKind, id: string, format: ExportFormat) {
    return inOfficeOf(this.ctx, actor, async (tx, officeId) => {
      const record = await subjectRecord(tx, kind, id);
      // Row-level security hides other offices' guides and requests; accounts are checked here (users.office_id).
      if (!record || (kind === 'user' && record.office_id !== officeId)) throw notFound();
      // The file is itself a read of the record: it is audited first, so it lists itself among the reads.
      await recordAudit(tx, actor, {
        action: 'privacy.data_exported',
        entityType: kind,
        entityId: id,
        changes: { format },
      });
      const sections = await referencingSections(tx, kind, id);
      const rowsOf = (table: string) => sections.filter((s) => s.table === table).flatMap((s) => s.rows);
      const addresses = [record.email, ...rowsOf('users').map((u) => u.email)].filter(
        (a): a is string => typeof a === 'string' && a.length > 0,
      );
      const mails: Record<string, unknown>[] = [];
      // One query after the other: a transaction runs one statement at a time.
      for (const address of new Set(addresses.map((a) => a.toLowerCase())))
        mails.push(...(await repo.outboxTo(tx, officeId, address)));
      const accountId = kind === 'user' ? id : (idsIn(rowsOf('users'))[0] ?? null);
      const entityIds = [id, ...sections.flatMap((s) => idsIn(s.rows))];
      const office = await officeRepository.findById(tx, officeId);
      const file: PrivacyExport = {
        format: 'lotsennetz.data-export/1',
        generatedAt: this.ctx.now().toISOString(),
        office: { id: officeId, name: office?.name ?? '' },
        subject: { kind, id },
        record,
        sections,
        mails,
        auditTrail: await repo.auditAbout(tx, officeId, entityIds, accountId),
        reads: await this.reads(tx, officeId, kind, id),
      };
      if (format === 'json') return { file, pdf: null };
      const settings = await settingsRepository.get(tx, officeId);
      const pdf = await renderPrivacyPdf(file, {
        locale: actor.locale,
        timeZone: settings.timeZone,
        office: { name: office?.name ?? '', ...settings.contact },
      });
      return { file, pdf };
    });
  }
}
