import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import type { Actor, AppContext } from '../../server/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../server/errors.js';
import { inOfficeOf } from '../../server/officeScope.js';
import type { agreementExtendInput, agreementPatchInput } from '../../shared/assignments.js';
import type { Locale } from '../../shared/enums.js';
import { diffFields, recordAudit } from '../audit/recorder.js';
import { officeRepository } from '../offices/repository.js';
import { changeRequestStatus } from '../requests/commands.js';
import { requestRepository } from '../requests/repository.js';
import { settingsRepository } from '../settings/repository.js';
import { type AgreementPdfData, renderAgreementPdf } from './agreementPdf.js';
import { assignmentPolicy } from './policy.js';
import { autoNote, presentAgreement, readNote } from './presenter.js';
import { type AgreementRow, assignmentRepository as repo } from './repository.js';

type Content = Partial<
  Pick<
    AgreementRow,
    'goal' | 'steps' | 'contactChannels' | 'startsOn' | 'endsOn' | 'frequency' | 'reviewOn' | 'extensions'
  >
>;

const isConfirmed = (a: AgreementRow) => a.guideConfirmedAt !== null || a.partnerConfirmedAt !== null;

/**
 * Agreements are evidence. A version that anyone confirmed never changes (the database refuses it too): a change
 * makes the next version, which needs both confirmations again. An unconfirmed draft is edited in place.
 */
export class AgreementService {
  constructor(private readonly ctx: AppContext) {}

  private scope<T>(actor: Actor, work: (tx: Tx, officeId: string) => Promise<T>) {
    return inOfficeOf(this.ctx, actor, work);
  }

  private async loadVisible(tx: Tx, actor: Actor, id: string) {
    const row = await repo.findById(tx, id);
    if (!row || !assignmentPolicy.view(actor, row.assignment)) throw notFound();
    return row;
  }

  /** Applies a change as a new version (or to the unconfirmed draft); both confirmations are needed again. */
  private async change(tx: Tx, actor: Actor, assignmentId: string, content: Content, changeNote: string) {
    await repo.lock(tx, assignmentId);
    const current = await repo.agreementOf(tx, assignmentId);
    const next = { ...current, ...content };
    if (next.endsOn < next.startsOn) throw invalidField('endsOn', 'endBeforeStart');
    if (next.reviewOn < next.startsOn || next.reviewOn > next.endsOn)
      throw invalidField('reviewOn', 'reviewOutsidePeriod');
    const now = this.ctx.now();
    if (!isConfirmed(current)) {
      await repo.updateAgreement(tx, current.id, { ...content, changeNote, updatedAt: now });
      return current.version;
    }
    await repo.updateAgreement(tx, current.id, { supersededAt: now });
    const {
      id: _id,
      guideConfirmedAt,
      guideConfirmedBy,
      partnerConfirmedAt,
      partnerConfirmedBy,
      supersededAt,
      ...rest
    } = current;
    await repo.insertAgreement(tx, {
      ...rest,
      ...content,
      version: current.version + 1,
      changeNote,
      createdByName: actor.displayName,
      createdAt: now,
      updatedAt: now,
    });
    return current.version + 1;
  }

  async update(actor: Actor, id: string, input: z.output<typeof agreementPatchInput>) {
    await this.scope(actor, async (tx) => {
      const row = await this.loadVisible(tx, actor, id);
      if (!assignmentPolicy.editAgreement(actor, row.assignment)) throw forbidden();
      const before = await repo.agreementOf(tx, id);
      const { changeNote, ...content } = input;
      const version = await this.change(tx, actor, id, content, changeNote ?? autoNote('changed'));
      await recordAudit(tx, actor, {
        action: 'agreement.updated',
        entityType: 'assignment',
        entityId: id,
        changes: { ...diffFields(before as unknown as Record<string, unknown>, content), version },
      });
    });
  }

  async extend(actor: Actor, id: string, input: z.output<typeof agreementExtendInput>) {
    await this.scope(actor, async (tx) => {
      const row = await this.loadVisible(tx, actor, id);
      if (!assignmentPolicy.editAgreement(actor, row.assignment)) throw forbidden();
      const current = await repo.agreementOf(tx, id);
      if (input.endsOn <= current.endsOn) throw invalidField('endsOn', 'extensionMustBeLater');
      const extension = {
        from: current.endsOn,
        to: input.endsOn,
        reason: input.reason,
        at: this.ctx.now().toISOString(),
        by: actor.displayName,
      };
      const version = await this.change(
        tx,
        actor,
        id,
        { endsOn: input.endsOn, extensions: [...current.extensions, extension] },
        autoNote('extended', { date: input.endsOn, reason: input.reason }),
      );
      await recordAudit(tx, actor, {
        action: 'agreement.extended',
        entityType: 'assignment',
        entityId: id,
        changes: { endsOn: { from: current.endsOn, to: input.endsOn }, version },
      });
    });
  }

  /**
   * Guide and partner confirm the version they read, time-stamped with their name. With both confirmations on the
   * first version the deployment becomes active.
   */
  async confirm(actor: Actor, id: string, version: number) {
    await this.scope(actor, async (tx) => {
      const row = await this.loadVisible(tx, actor, id);
      // Request first, then the deployment: the lock order of closing, so the two never deadlock.
      const request = await requestRepository.lockById(tx, row.assignment.requestId);
      const locked = await repo.lock(tx, id);
      const current = await repo.agreementOf(tx, id);
      if (!assignmentPolicy.confirm(actor, locked, current)) throw forbidden();
      if (version !== current.version) throw new AppError(409, 'agreement_version_changed');
      const now = this.ctx.now();
      const values =
        actor.role === 'guide'
          ? { guideConfirmedAt: now, guideConfirmedBy: actor.displayName }
          : { partnerConfirmedAt: now, partnerConfirmedBy: actor.displayName };
      const updated = await repo.updateAgreement(tx, current.id, values);
      await recordAudit(tx, actor, {
        action: 'agreement.confirmed',
        entityType: 'assignment',
        entityId: id,
        changes: { by: actor.role, version },
      });
      if (updated.guideConfirmedAt && updated.partnerConfirmedAt && locked.status === 'pending_agreement') {
        await repo.update(tx, id, { status: 'active' });
        if (request.status === 'matched') await changeRequestStatus(tx, actor, request, 'active', now);
      }
    });
  }

  versions(actor: Actor, id: string) {
    return this.scope(actor, async (tx) => {
      const row = await this.loadVisible(tx, actor, id);
      const rows = await repo.agreementVersions(tx, id);
      return {
        items: rows.map(
          (a) => presentAgreement(a, actor, row.guideFirst) as NonNullable<ReturnType<typeof presentAgreement>>,
        ),
        total: rows.length,
      };
    });
  }

  /** The agreement as a PDF for signatures: the current version, or an earlier one (marked as superseded). */
  pdf(actor: Actor, id: string, version?: number, locale: Locale = actor.locale) {
    return this.scope(actor, async (tx, officeId) => {
      const row = await this.loadVisible(tx, actor, id);
      const agreement = version ? await repo.agreementVersion(tx, id, version) : await repo.agreementOf(tx, id);
      if (!agreement) throw notFound();
      const request = await requestRepository.findById(tx, row.assignment.requestId);
      const office = await officeRepository.findById(tx, officeId);
      const settings = await settingsRepository.get(tx, officeId);
      await recordAudit(tx, actor, {
        action: 'agreement.pdf_downloaded',
        entityType: 'assignment',
        entityId: id,
        changes: { version: agreement.version },
      });
      // Partner contacts read the guide's first name only, in the PDF as on screen (data minimisation).
      const partnerView = actor.role === 'partner_contact';
      const guideName = partnerView ? row.guideFirst : `${row.guideFirst} ${row.guideLast}`;
      const data: AgreementPdfData = {
        office: { name: office?.name ?? '', ...settings.contact },
        partnerName: row.partnerName,
        guideName,
        personInitials: request?.request.personInitials ?? '',
        requestTitle: row.requestTitle,
        version: agreement.version,
        versionCreatedAt: agreement.createdAt.toISOString(),
        changeNote: readNote(agreement.changeNote, 'de'),
        superseded: agreement.supersededAt !== null,
        goal: agreement.goal,
        steps: agreement.steps as AgreementPdfData['steps'],
        startsOn: agreement.startsOn,
        endsOn: agreement.endsOn,
        reviewOn: agreement.reviewOn,
        frequency: agreement.frequency as AgreementPdfData['frequency'],
        contactChannels: agreement.contactChannels,
        boundaries: agreement.boundaries,
        confidentiality: agreement.confidentiality,
        insurance: agreement.insurance,
        confirmations: [
          {
            role: 'partner',
            name: agreement.partnerConfirmedBy,
            at: agreement.partnerConfirmedAt?.toISOString() ?? null,
          },
          {
            role: 'guide',
            name: partnerView && agreement.guideConfirmedBy ? row.guideFirst : agreement.guideConfirmedBy,
            at: agreement.guideConfirmedAt?.toISOString() ?? null,
          },
        ],
        extensions: agreement.extensions,
        timeZone: settings.timeZone,
      };
      return {
        bytes: await renderAgreementPdf(data, locale),
        requestTitle: row.requestTitle,
        version: agreement.version,
      };
    });
  }
}
