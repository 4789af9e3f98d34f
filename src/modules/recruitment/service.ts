/**
 * The recruitment pipeline for coordinators: the board and list, dated steps, get-to-know conversations, dropping
 * out with a reason, acceptance as a guide (created by the guides service, invited by the users service), deletion.
 */
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { consentRecords } from '../../db/schema/index.js';
import { inScope } from '../../db/scope.js';
import { type Actor, type AppContext, officeOf, recordedUserId } from '../../server/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../server/errors.js';
import type { GuideStatus, Locale } from '../../shared/enums.js';
import type { guideCreateInput } from '../../shared/guides.js';
import {
  ACCEPTABLE_STATUSES,
  type ApplicantListQuery,
  type ApplicantStatus,
  type applicantConversationInput,
  type applicantStepInput,
} from '../../shared/recruitment.js';
import { recordAudit } from '../audit/recorder.js';
import { guideRepository } from '../guides/repository.js';
import type { GuideService } from '../guides/service.js';
import { settingsRepository } from '../settings/repository.js';
import type { UserService } from '../users/service.js';
import { recruitmentPolicy as policy } from './policy.js';
import { presentApplicant, presentConversation, presentStep } from './presenter.js';
import { type ApplicantRow, recruitmentRepository as repo } from './repository.js';

type StepInput = z.output<typeof applicantStepInput>;
type ConversationInput = z.output<typeof applicantConversationInput>;

/** The guide's starting status for the applicant's stage: certified people have their certificate date. */
const GUIDE_STATUS_FOR: Partial<Record<ApplicantStatus, GuideStatus>> = {
  conversation_held: 'interested',
  enrolled: 'in_training',
  certified: 'in_training',
};

export class RecruitmentService {
  constructor(
    private readonly ctx: AppContext,
    private readonly guides: GuideService,
    private readonly users: UserService,
  ) {}

  private scope<T>(actor: Actor, work: (tx: Tx, officeId: string) => Promise<T>) {
    if (!policy.manage(actor)) throw forbidden();
    const officeId = officeOf(actor);
    return inScope(this.ctx.database.db, { officeId }, (tx) => work(tx, officeId));
  }

  private async load(tx: Tx, actor: Actor, id: string, lock = false) {
    const row = lock ? await repo.findForUpdate(tx, id) : await repo.find(tx, id);
    if (!row || !policy.view(actor, row)) throw notFound();
    return row;
  }

  private async checkDate(tx: Tx, officeId: string, path: string, value: string, notBefore?: string) {
    if (value > (await settingsRepository.today(tx, officeId, this.ctx.now()))) throw invalidField(path, 'inFuture');
    if (notBefore && value < notBefore) throw invalidField(path, 'beforeApplication');
  }

  list(actor: Actor, query: ApplicantListQuery) {
    return this.scope(actor, async (tx, officeId) => {
      const { items, total } = await repo.list(tx, officeId, query);
      return {
        items: items.map((r) => presentApplicant(r, actor)),
        total,
        formSlug: await repo.officeSlug(tx, officeId),
      };
    });
  }

  get(actor: Actor, id: string) {
    return this.scope(actor, async (tx, officeId) => {
      const row = await this.load(tx, actor, id);
      return this.detail(tx, actor, officeId, row);
    });
  }

  private async detail(tx: Tx, actor: Actor, officeId: string, row: ApplicantRow) {
    const [steps, conversations, coordinators] = [
      await repo.steps(tx, row.id),
      await repo.conversations(tx, row.id),
      await repo.coordinators(tx, officeId),
    ];
    return {
      ...presentApplicant(row, actor),
      steps: steps.map(presentStep),
      conversations: conversations.map(presentConversation),
      coordinators,
    };
  }

  /**
   * Moves the applicant to a status, dated and noted. Dropping out needs a reason; "active" needs the applicant to
   * have been accepted as a guide. Once accepted, the guide follows the pipeline (see `followPipeline`). Not built
   * yet (named in the issue-10 note): courses do not record the "enrolled" and "certified" steps; coordinators set
   * them here by hand.
   */
  step(actor: Actor, id: string, input: StepInput) {
    return this.scope(actor, async (tx, officeId) => {
      const row = await this.load(tx, actor, id, true);
      await this.checkDate(tx, officeId, 'on', input.on, row.createdAt.toISOString().slice(0, 10));
      if (input.status === row.status) throw new AppError(409, 'invalid_status_transition');
      if (input.status === 'active' && !row.guideId) throw new AppError(409, 'applicant_not_accepted');
      if (row.guideId) await this.followPipeline(tx, actor, officeId, row.guideId, input);
      await this.recordStep(tx, actor, row, input);
      return this.detail(tx, actor, officeId, await this.load(tx, actor, id));
    });
  }

  /**
   * The accepted applicant's guide record moves with the pipeline, through the guide's own rules (and its audit):
   * enrolled → in training; certified → the certificate date (if none yet); active → active, which still needs a
   * certificate (409 certificate_required) so nobody uncertified is deployed.
   */
  private async followPipeline(tx: Tx, actor: Actor, officeId: string, guideId: string, input: StepInput) {
    const guide = await guideRepository.findById(tx, guideId);
    if (!guide || guide.anonymisedAt) return;
    const patch: { status?: GuideStatus; certifiedAt?: string } = {};
    if ((input.status === 'enrolled' || input.status === 'certified') && guide.status === 'interested')
      patch.status = 'in_training';
    if (input.status === 'certified' && !guide.certifiedAt) patch.certifiedAt = input.on;
    if (input.status === 'active' && guide.status !== 'active') patch.status = 'active';
    if (Object.keys(patch).length) await this.guides.updateIn(tx, actor, officeId, guideId, patch);
  }

  async recordStep(tx: Tx, actor: Actor, row: ApplicantRow, input: StepInput) {
    const now = this.ctx.now();
    await repo.insertStep(tx, {
      officeId: row.officeId,
      applicantId: row.id,
      status: input.status,
      on: input.on,
      note: input.note ?? null,
      recordedBy: recordedUserId(actor),
    });
    await repo.update(tx, row.id, {
      status: input.status,
      statusOn: input.on,
      dropOutReason: input.status === 'dropped_out' ? (input.dropOutReason ?? null) : null,
      updatedAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'applicant.step_recorded',
      entityType: 'applicant',
      entityId: row.id,
      changes: { status: { from: row.status, to: input.status }, date: input.on },
    });
  }

  /** A get-to-know conversation; an applicant still "interested" moves on to "conversation held" with it. */
  converse(actor: Actor, id: string, input: ConversationInput) {
    return this.scope(actor, async (tx, officeId) => {
      const row = await this.load(tx, actor, id, true);
      if (row.status === 'dropped_out') throw new AppError(409, 'invalid_status_transition');
      await this.checkDate(tx, officeId, 'heldOn', input.heldOn, row.createdAt.toISOString().slice(0, 10));
      if (!(await repo.coordinators(tx, officeId)).some((c) => c.id === input.heldBy))
        throw invalidField('heldBy', 'userUnknown');
      await repo.insertConversation(tx, {
        officeId,
        applicantId: id,
        heldOn: input.heldOn,
        heldBy: input.heldBy,
        outcome: input.outcome,
        note: input.note ?? null,
        recordedBy: recordedUserId(actor),
      });
      await recordAudit(tx, actor, {
        action: 'applicant.conversation_recorded',
        entityType: 'applicant',
        entityId: id,
        changes: { outcome: input.outcome, date: input.heldOn, by: input.heldBy },
      });
      if (row.status === 'interested')
        await this.recordStep(tx, actor, row, { status: 'conversation_held', on: input.heldOn, note: null });
      return this.detail(tx, actor, officeId, await this.load(tx, actor, id));
    });
  }

  /**
   * Accepting turns the applicant into a guide with the data they gave (through the guides service, with its checks
   * and audit), records their form consent for the guide, links the two, and invites the guide's account by mail.
   */
  async accept(actor: Actor, id: string) {
    const { result, mailId } = await this.scope(actor, async (tx, officeId) => {
      const row = await this.load(tx, actor, id, true);
      if (row.guideId) throw new AppError(409, 'applicant_already_accepted');
      if (!ACCEPTABLE_STATUSES.includes(row.status as ApplicantStatus))
        throw new AppError(409, 'invalid_status_transition');
      const certifiedOn = row.status === 'certified' ? row.statusOn : null;
      const consent =
        row.consentVersion !== null && row.consentGivenAt
          ? {
              version: String(row.consentVersion),
              language: row.consentLanguage ?? row.locale,
              givenAt: await settingsRepository.today(tx, officeId, row.consentGivenAt),
            }
          : null;
      const input: z.output<typeof guideCreateInput> = {
        firstName: row.firstName,
        lastName: row.lastName,
        email: row.email,
        phone: row.phone,
        locale: row.locale as Locale,
        languages: row.languages as z.output<typeof guideCreateInput>['languages'],
        countries: [],
        specializations: [],
        fields: [],
        serviceDistrictIds: row.districtIds,
        availability: row.availability as z.output<typeof guideCreateInput>['availability'],
        maxActiveAssignments: 2,
        status: GUIDE_STATUS_FOR[row.status as ApplicantStatus] ?? 'interested',
        certifiedAt: certifiedOn,
        consent,
        shareContact: 'none',
      };
      const guide = await this.guides.createIn(tx, actor, officeId, input);
      if (consent && row.consentTextId)
        await tx.insert(consentRecords).values({
          officeId,
          textId: row.consentTextId,
          kind: 'guide_consent',
          guideId: guide.id,
          language: consent.language,
          givenAt: consent.givenAt,
          method: 'app',
          recordedBy: null,
        });
      const { mailId } = await this.users.createInvitedUser(tx, actor, {
        email: row.email,
        displayName: `${row.firstName} ${row.lastName}`,
        role: 'guide',
        guideId: guide.id,
        locale: row.locale as Locale,
      });
      await repo.update(tx, id, { guideId: guide.id, updatedAt: this.ctx.now() });
      await recordAudit(tx, actor, {
        action: 'applicant.accepted',
        entityType: 'applicant',
        entityId: id,
        changes: { guideId: guide.id },
      });
      return {
        result: { applicant: presentApplicant(await this.load(tx, actor, id), actor), guideId: guide.id },
        mailId,
      };
    });
    await this.ctx.mailer.deliver(this.ctx.database.db, [mailId]);
    return result;
  }

  /** Erasure on request or after dropping out: the application and its history are deleted for good. */
  delete(actor: Actor, id: string) {
    return this.scope(actor, async (tx) => {
      await this.load(tx, actor, id, true);
      await repo.delete(tx, id);
      await recordAudit(tx, actor, { action: 'applicant.deleted', entityType: 'applicant', entityId: id });
    });
  }
}
