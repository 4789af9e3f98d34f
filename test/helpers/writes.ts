/**
 * Every write operation of the API and how to call it validly: who calls it, valid path parameters and a valid
 * body. The bad-input suite derives its rejected variants from these; the fuzz suite puts one hostile value at a
 * time into them, so a value the schema lets through really reaches the service and the database.
 */
import { DEFAULT_OFFICE_SETTINGS } from '../../src/shared/settings.js';
import type { TestOffice } from './factories.js';
import { PDF_BASE64 } from './receipts.js';

export type Who = 'coordinator' | 'admin' | 'anonymous' | 'throwaway';
export type Fixtures = { A: TestOffice; B: TestOffice; serviceId: string };
export type WriteOp = {
  who: Who;
  /** Valid path parameters (the record exists and the caller may write it). */
  params?: (f: Fixtures) => Record<string, string>;
  /** A valid body; bad-input variants are derived from it. Absent for operations without a body. */
  body?: (f: Fixtures) => Record<string, unknown>;
  /** `{}` is a valid body here (everything optional), so the empty-object check does not apply. */
  emptyBodyOk?: string;
  /**
   * A valid body with the optional nested objects filled in too, for the fuzz suite: a hostile value in e.g.
   * `backgroundCheck.checkedAt` only reaches the database when the rest of the body is valid. Defaults to `body`.
   */
  fuzzBody?: (f: Fixtures) => Record<string, unknown>;
};

/**
 * Records of the request-to-deployment cycle are addressed with ids that do not exist: every variant below is rejected by
 * validation, which runs before any lookup, so the ids are never read.
 */
export const NO_RECORD = { id: '5f2b0c5e-8c1a-4c3e-9d7a-0b6f1e2d3c4b' };
export const today = new Date().toISOString().slice(0, 10);

export const guideBody = (f: Fixtures) => ({
  firstName: 'Valide',
  lastName: 'Lotsin',
  email: 'valide@test.example',
  phone: '+49 511 1234',
  locale: 'de',
  languages: [{ code: 'de', level: 'native' }],
  countries: ['DE'],
  specializations: ['parents'],
  fields: ['authorities'],
  homeDistrictId: f.A.districtIds[0],
  serviceDistrictIds: [f.A.districtIds[1]],
  availability: [{ weekday: 1, from: '09:00', to: '10:00' }],
  maxActiveAssignments: 2,
  gender: 'diverse',
  status: 'in_training',
  certifiedAt: null,
  backgroundCheck: null,
  consent: null,
  confidentialityPledgeAt: null,
  notes: 'Notiz',
});
/** The guide with a background check, a consent and a pledge on record. */
const fullGuideBody = (f: Fixtures) => ({
  ...guideBody(f),
  certifiedAt: today,
  backgroundCheck: { checkedAt: today, issuedAt: today, relevantConviction: false },
  consent: { version: '2024-1', language: 'de', givenAt: today, withdrawnAt: null },
  confidentialityPledgeAt: today,
  confidentialityPledgeVersion: '2024-1',
});

/** A one-row CSV of guides (the import reads base64), with its mapping and match key. */
const importBody = () => ({
  content: Buffer.from('Vorname;Nachname;E-Mail\r\nImport;Valide;import-valide@test.example\r\n').toString('base64'),
  mapping: { firstName: 'Vorname', lastName: 'Nachname', email: 'E-Mail' },
  matchBy: 'email',
});

const consentText = { title: 'Einwilligung', body: 'Ich willige in die Verarbeitung meiner Daten ein.' };

export const partnerBody = (f: Fixtures) => ({
  name: 'Valider Partner',
  type: 'welfare_association',
  street: 'Leinstraße 1',
  postalCode: '30159',
  city: 'Hannover',
  districtId: f.A.districtIds[0],
  email: 'partner@test.example',
  phone: '+49 511 5',
  notes: 'Notiz',
});

/** Every write operation of the API and how to call it validly. A write the table lacks fails the suite. */
export const WRITES: Record<string, WriteOp> = {
  'POST /api/v1/auth/login': {
    who: 'anonymous',
    body: () => ({ email: 'wer@test.example', password: 'irgendein Passwort' }),
  },
  'POST /api/v1/auth/logout': { who: 'throwaway' },
  'PATCH /api/v1/me': { who: 'coordinator', body: () => ({ locale: 'de' }) },
  'POST /api/v1/auth/password-reset': { who: 'anonymous', body: () => ({ email: 'wer@test.example' }) },
  'POST /api/v1/auth/tokens/{token}/password': {
    who: 'anonymous',
    params: () => ({ token: 'x'.repeat(43) }),
    body: () => ({ password: 'ein langes gültiges Passwort' }),
  },
  'POST /api/v1/offices': {
    who: 'admin',
    body: () => ({ name: 'Neues Büro', city: 'Celle', coordinatorEmail: 'k@test.example', coordinatorName: 'K' }),
  },
  'PATCH /api/v1/offices/{id}': {
    who: 'admin',
    params: (f) => ({ id: f.A.officeId }),
    body: () => ({ name: 'Umbenannt', city: 'Celle' }),
  },
  'POST /api/v1/offices/{id}/coordinators': {
    who: 'admin',
    params: () => NO_RECORD,
    body: () => ({ email: 'zweite@test.example', displayName: 'Zweite Koordination' }),
  },
  'POST /api/v1/offices/{id}/coordinators/{userId}/resend-invitation': {
    who: 'admin',
    params: () => ({ ...NO_RECORD, userId: NO_RECORD.id }),
  },
  'POST /api/v1/offices/{id}/deactivate': { who: 'admin', params: () => NO_RECORD },
  'POST /api/v1/offices/{id}/reactivate': { who: 'admin', params: () => NO_RECORD },
  'POST /api/v1/users': {
    who: 'coordinator',
    body: (f) => ({ email: 'neu@test.example', displayName: 'Neu', role: 'guide', guideId: f.A.guideId }),
  },
  'PATCH /api/v1/users/{id}': {
    who: 'coordinator',
    params: (f) => ({ id: f.A.sessions.guide.userId }),
    body: () => ({ disabled: true }),
  },
  'POST /api/v1/guides': { who: 'coordinator', body: guideBody, fuzzBody: fullGuideBody },
  'PATCH /api/v1/guides/{id}': {
    who: 'coordinator',
    params: (f) => ({ id: f.A.guideId }),
    body: guideBody,
    fuzzBody: fullGuideBody,
  },
  'DELETE /api/v1/guides/{id}': { who: 'coordinator', params: (f) => ({ id: f.A.guideId }) },
  'POST /api/v1/guides/{id}/anonymise': { who: 'coordinator', params: () => NO_RECORD },
  'POST /api/v1/partners/{id}/contacts/{contactId}/anonymise': {
    who: 'coordinator',
    params: () => ({ ...NO_RECORD, contactId: NO_RECORD.id }),
  },
  'POST /api/v1/requests/{id}/anonymise-person': { who: 'coordinator', params: () => NO_RECORD },
  'POST /api/v1/retention/holds': {
    who: 'coordinator',
    body: (f) => ({
      entityType: 'guide',
      entityId: f.A.guideId,
      rule: 'guide_personal_data',
      reason: 'Gerichtsverfahren',
    }),
  },
  'POST /api/v1/retention/holds/{id}/release': { who: 'coordinator', params: () => NO_RECORD },
  'POST /api/v1/partners': { who: 'coordinator', body: partnerBody },
  'PATCH /api/v1/partners/{id}': { who: 'coordinator', params: (f) => ({ id: f.A.partnerId }), body: partnerBody },
  'POST /api/v1/partners/{id}/contacts': {
    who: 'coordinator',
    params: (f) => ({ id: f.A.partnerId }),
    body: () => ({ name: 'Kontakt', email: 'kontakt@test.example', phone: '+49 1', invite: true }),
  },
  'POST /api/v1/districts': { who: 'coordinator', body: () => ({ name: 'Neuer Bezirk', lat: 52.4, lon: 9.7 }) },
  'PATCH /api/v1/districts/{id}': {
    who: 'coordinator',
    params: (f) => ({ id: f.A.districtIds[0] }),
    body: () => ({ name: 'Umbenannt', lat: 52.4, lon: 9.7 }),
  },
  'DELETE /api/v1/districts/{id}': { who: 'coordinator', params: (f) => ({ id: f.A.districtIds[0] }) },
  ...Object.fromEntries(
    (['fields', 'specializations'] as const).flatMap((kind) => [
      [`POST /api/v1/${kind}`, { who: 'coordinator', body: () => ({ key: 'neu', name: 'Neu' }) }],
      [
        `PATCH /api/v1/${kind}/{key}`,
        {
          who: 'coordinator',
          params: () => ({ key: kind === 'fields' ? 'housing' : 'sport' }),
          body: () => ({ name: 'Umbenannt' }),
        },
      ],
      [
        `DELETE /api/v1/${kind}/{key}`,
        { who: 'coordinator', params: () => ({ key: kind === 'fields' ? 'housing' : 'sport' }) },
      ],
    ]),
  ),
  'POST /api/v1/requests': {
    who: 'coordinator',
    body: (f) => ({
      partnerId: f.A.partnerId,
      field: 'authorities',
      type: 'accompaniment',
      matters: [],
      title: 'Begleitung',
      description: 'Eine ausreichend lange Beschreibung.',
      place: 'Rathaus',
      districtId: f.A.districtIds[0],
      startsOn: today,
      endsOn: null,
      frequency: 'once',
      expectedHours: 2,
      slots: [],
      languages: ['ar'],
      preferredGender: null,
      urgency: 'normal',
      minorsInvolved: false,
      person: { initials: 'A. B.', ageGroup: 'adult', languages: ['ar'], household: 'individual', consentGiven: true },
      notes: null,
    }),
  },
  'PATCH /api/v1/requests/{id}': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({
      title: 'Neu',
      description: 'Eine ausreichend lange Beschreibung.',
      expectedHours: 3,
      urgency: 'high',
    }),
  },
  'POST /api/v1/requests/{id}/status': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ status: 'no_match', reason: 'Niemand frei' }),
  },
  'POST /api/v1/requests/{id}/messages': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ message: 'Frage' }),
  },
  'POST /api/v1/requests/{id}/offers': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: (f) => ({ guideIds: [f.A.guideId], message: 'Passt das?', overrideReason: 'Begründung' }),
  },
  'POST /api/v1/offers/{id}/accept': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ reason: 'gern' }),
    emptyBodyOk: 'the reason is optional',
  },
  'POST /api/v1/offers/{id}/decline': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ reason: 'keine Zeit' }),
    emptyBodyOk: 'the reason is optional',
  },
  'POST /api/v1/offers/{id}/withdraw': { who: 'coordinator', params: () => NO_RECORD },
  'POST /api/v1/outbox/{id}/resend': { who: 'coordinator', params: () => NO_RECORD },
  'POST /api/v1/offer-links/{token}': {
    who: 'anonymous',
    params: () => ({ token: 'x'.repeat(43) }),
    body: () => ({ answer: 'decline', reason: 'keine Zeit' }),
  },
  'PATCH /api/v1/assignments/{id}/agreement': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({
      goal: 'Ein Ziel',
      steps: [{ title: 'Schritt', status: 'open' }],
      contactChannels: 'Telefon',
      reviewOn: today,
    }),
  },
  'POST /api/v1/assignments/{id}/agreement/confirm': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ version: 1 }),
  },
  'POST /api/v1/assignments/{id}/agreement/extend': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ endsOn: '2099-01-01', reason: 'Verlängert' }),
  },
  'PATCH /api/v1/assignments/{id}/activities/{activityId}': {
    who: 'coordinator',
    params: () => ({ ...NO_RECORD, activityId: NO_RECORD.id }),
    body: () => ({ date: today, startTime: '09:00', endTime: '10:00', note: 'Korrektur' }),
  },
  'DELETE /api/v1/assignments/{id}/activities/{activityId}': {
    who: 'coordinator',
    params: () => ({ ...NO_RECORD, activityId: NO_RECORD.id }),
  },
  'POST /api/v1/assignments/{id}/activities/approve': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ activityIds: [NO_RECORD.id] }),
    emptyBodyOk: 'without ids, every open entry up to today is approved',
  },
  'POST /api/v1/assignments/{id}/activities': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({
      date: today,
      startTime: '09:00',
      endTime: '10:00',
      type: 'other',
      km: 1,
      expensesCents: 0,
      note: null,
    }),
  },
  'POST /api/v1/assignments/{id}/close': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({
      outcome: 'goal_reached',
      referredServiceId: null,
      referredTo: null,
      endedEarlyReason: null,
      guideFeedback: 'gut',
      partnerFeedback: 'gut',
    }),
  },
  'POST /api/v1/assignments/{id}/feedback': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ feedback: 'gut' }),
  },
  'POST /api/v1/services': {
    who: 'coordinator',
    body: () => ({
      name: 'Beratungsstelle',
      topics: ['court'],
      phone: '+49 1',
      email: 'b@test.example',
      url: 'https://beratung.example',
      address: 'Straße 1',
      languages: ['de'],
      notes: 'Notiz',
    }),
  },
  'PATCH /api/v1/services/{id}': {
    who: 'coordinator',
    params: (f) => ({ id: f.serviceId }),
    body: () => ({ name: 'Umbenannt', topics: ['lawyer'] }),
  },
  'DELETE /api/v1/services/{id}': { who: 'coordinator', params: (f) => ({ id: f.serviceId }) },
  'POST /api/v1/consent-texts': {
    who: 'coordinator',
    body: () => ({
      kind: 'guide_consent',
      texts: { de: consentText, en: consentText, ar: consentText },
      changeNote: 'Neu gefasst',
    }),
  },
  'PATCH /api/v1/consent-texts/{id}': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ texts: { de: consentText }, changeNote: 'Korrektur' }),
  },
  'POST /api/v1/consent-texts/{id}/publish': { who: 'coordinator', params: () => NO_RECORD },
  'POST /api/v1/consent-records': {
    who: 'coordinator',
    body: (f) => ({ textId: NO_RECORD.id, guideId: f.A.guideId, language: 'de', givenAt: today, method: 'paper' }),
  },
  'POST /api/v1/consent-records/{id}/withdraw': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ withdrawnAt: today, method: 'paper' }),
  },
  'POST /api/v1/me/consents': { who: 'coordinator', body: () => ({ textId: NO_RECORD.id, language: 'de' }) },
  // Render-only: the coordinator's texts are long, so a POST; it writes nothing (texts are not kept).
  'POST /api/v1/reports/sachbericht.pdf': {
    who: 'coordinator',
    body: () => ({ from: '2025-01-01', to: '2025-12-31', goals: 'Ziele', activities: 'Maßnahmen' }),
    fuzzBody: () => ({
      from: '2025-01-01',
      to: '2025-12-31',
      goals: 'Ziele',
      activities: 'Maßnahmen',
      outcomes: 'Ergebnisse',
      outlook: 'Ausblick',
    }),
  },
  'POST /api/v1/imports/{kind}/preview': {
    who: 'coordinator',
    params: () => ({ kind: 'guides' }),
    body: () => importBody(),
  },
  'POST /api/v1/imports/{kind}/commit': {
    who: 'coordinator',
    params: () => ({ kind: 'guides' }),
    body: () => importBody(),
  },
  'POST /api/v1/public/offices/{slug}/applicants': {
    who: 'anonymous',
    params: () => ({ slug: 'kein-buero-vorhanden' }),
    body: (f) => ({
      firstName: 'Valide',
      lastName: 'Interessentin',
      email: 'interesse@test.example',
      phone: '+49 511 1234',
      languages: [{ code: 'ar', level: 'native' }],
      districtIds: [f.A.districtIds[0]],
      availability: [{ weekday: 1, from: '09:00', to: '10:00' }],
      motivation: 'Ich möchte helfen.',
      language: 'de',
      consentTextId: NO_RECORD.id,
      consentGiven: true,
      formToken: 'x.1.y',
      website: '',
    }),
  },
  'POST /api/v1/public/offices/{slug}/help-requests': {
    who: 'anonymous',
    params: () => ({ slug: 'kein-buero-vorhanden' }),
    body: (f) => ({
      name: 'Valide Person',
      ageGroup: 'adult',
      householdSize: 1,
      minorsInvolved: false,
      field: 'authorities',
      type: 'accompaniment',
      description: 'Begleitung zu einem Termin beim Amt.',
      languages: ['ar'],
      districtId: f.A.districtIds[0],
      contactChannel: 'phone',
      contactValue: '+49 511 1234',
      language: 'de',
      consentTextId: NO_RECORD.id,
      consentGiven: true,
      formToken: 'x.1.y',
      website: '',
    }),
  },
  // The HTML form post (url-encoded, no body schema): the JSON variants of the suites answer 415.
  'POST /public/{slug}/help': { who: 'anonymous', params: () => ({ slug: 'kein-buero-vorhanden' }) },
  'POST /api/v1/public/applicants/confirm': { who: 'anonymous', body: () => ({ token: 'x'.repeat(43) }) },
  'POST /api/v1/applicants/{id}/steps': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ status: 'dropped_out', on: today, note: 'Notiz', dropOutReason: 'Umzug' }),
  },
  'POST /api/v1/applicants/{id}/conversations': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ heldOn: today, heldBy: NO_RECORD.id, outcome: 'suitable', note: 'Notiz' }),
  },
  'POST /api/v1/applicants/{id}/accept': { who: 'coordinator', params: () => NO_RECORD },
  'DELETE /api/v1/applicants/{id}': { who: 'coordinator', params: () => NO_RECORD },
  'POST /api/v1/courses': {
    who: 'coordinator',
    body: () => ({
      title: 'Basisqualifizierung',
      type: 'basic',
      description: 'Zwölf Abende',
      teachingUnits: 48,
      capacity: 16,
      feeCents: 0,
      completionMinAttendancePercent: 80,
      grantsSpecialisation: null,
      trainerIds: [],
      status: 'open',
    }),
  },
  'POST /api/v1/events': {
    who: 'coordinator',
    body: () => ({
      type: 'plenum',
      title: 'Plenum',
      place: 'Neues Rathaus',
      roomId: null,
      onlineLink: 'https://meet.example/plenum',
      agenda: 'Berichte',
      audience: 'all_guides',
      capacity: 40,
      recurrence: {
        rrule: 'FREQ=MONTHLY;BYDAY=+1TU;COUNT=2',
        startDate: today,
        startTime: '18:00',
        durationMinutes: 120,
      },
    }),
  },
  'PATCH /api/v1/events/{id}': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ scope: 'this', title: 'Umbenannt', minutes: 'Protokoll' }),
  },
  'POST /api/v1/events/{id}/rsvp': { who: 'coordinator', params: () => NO_RECORD, body: () => ({ response: 'yes' }) },
  'PUT /api/v1/events/{id}/attendance': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ items: [{ guideId: NO_RECORD.id, attended: true }] }),
  },
  'POST /api/v1/events/{id}/files': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ fileName: 'Protokoll.pdf', contentBase64: PDF_BASE64 }),
  },
  'DELETE /api/v1/events/{id}/files/{fileId}': {
    who: 'coordinator',
    params: () => ({ id: NO_RECORD.id, fileId: NO_RECORD.id }),
  },
  'POST /api/v1/event-groups': {
    who: 'coordinator',
    body: () => ({
      name: `Supervisionsgruppe ${Math.random().toString(36).slice(2, 8)}`,
      description: 'Nord',
      guideIds: [],
    }),
  },
  'PATCH /api/v1/event-groups/{id}': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ name: 'Umbenannt', guideIds: [] }),
  },
  'POST /api/v1/event-links/{token}': {
    who: 'anonymous',
    params: () => ({ token: 'x'.repeat(43) }),
    body: () => ({ response: 'yes' }),
  },
  'POST /api/v1/me/calendar-feed': { who: 'coordinator' },
  'PATCH /api/v1/courses/{id}': { who: 'coordinator', params: () => NO_RECORD, body: () => ({ title: 'Umbenannt' }) },
  'POST /api/v1/courses/{id}/sessions': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({
      startsAt: `${today}T16:00:00+01:00`,
      endsAt: `${today}T19:00:00+01:00`,
      room: 'Raum 1',
      topic: 'Rolle und Grenzen',
      teachingUnits: 4,
      trainerNames: 'A. Beispiel',
    }),
  },
  'PATCH /api/v1/courses/{id}/sessions/{sessionId}': {
    who: 'coordinator',
    params: () => ({ id: NO_RECORD.id, sessionId: NO_RECORD.id }),
    body: () => ({ room: 'Raum 2' }),
  },
  'DELETE /api/v1/courses/{id}/sessions/{sessionId}': {
    who: 'coordinator',
    params: () => ({ id: NO_RECORD.id, sessionId: NO_RECORD.id }),
  },
  // Expense claims (issue 11 §2). The guide's own routes refuse the coordinator after validation, like /me/consents.
  'POST /api/v1/me/expense-claims': {
    who: 'coordinator',
    body: () => ({
      date: today,
      origin: 'Büro',
      destination: 'Ausländerbehörde',
      assignmentId: NO_RECORD.id,
      transport: 'car',
      km: 12,
      note: 'Hin und zurück',
    }),
  },
  'PUT /api/v1/me/expense-claims/{id}': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({
      date: today,
      hourCategoryId: NO_RECORD.id,
      transport: 'publicTransport',
      ticketCents: 290,
      origin: 'A',
      destination: 'B',
    }),
  },
  'PUT /api/v1/me/bank-account': {
    who: 'coordinator',
    body: () => ({ accountHolder: 'Valide Lotsin', iban: 'DE89370400440532013000' }),
  },
  'POST /api/v1/expense-claims/approve': { who: 'coordinator', body: () => ({ ids: [NO_RECORD.id] }) },
  'POST /api/v1/expense-claims/{id}/return': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ comment: 'Bitte den Beleg nachreichen' }),
  },
  'PUT /api/v1/guides/{id}/bank-account': {
    who: 'coordinator',
    params: (f) => ({ id: f.A.guideId }),
    body: () => ({ accountHolder: 'Valide Lotsin', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' }),
  },
  'PUT /api/v1/expense-settings': {
    who: 'coordinator',
    body: () => ({
      debtorName: 'Koordinierungsstelle',
      debtorIban: 'DE02120300000000202051',
      debtorBic: 'BYLADEM1001',
    }),
  },
  'POST /api/v1/payout-runs': { who: 'coordinator', body: () => ({ paidOn: today }) },
  'POST /api/v1/certificates/{id}/revoke': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ reason: 'Auf den falschen Namen ausgestellt' }),
  },
  'POST /api/v1/funding-rule-sets': {
    who: 'coordinator',
    body: () => ({
      name: 'Niedersachsen',
      kind: 'per_unit',
      params: { unitCents: 2500, twoTeacherUnitCents: 5000, maxUnits: 50, materialsMaxCents: 60000 },
      validFrom: '2026-01-01',
    }),
  },
  'DELETE /api/v1/funding-rule-sets/{id}': { who: 'coordinator', params: () => NO_RECORD },
  'PUT /api/v1/courses/{id}/funding': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ ruleSetName: 'Niedersachsen', materialsCents: 12000 }),
  },
  'PUT /api/v1/courses/{id}/sessions/{sessionId}/attendance': {
    who: 'coordinator',
    params: () => ({ id: NO_RECORD.id, sessionId: NO_RECORD.id }),
    body: (f) => ({ rows: [{ guideId: f.A.guideId, present: true, minutesMissed: 0 }] }),
  },
  'POST /api/v1/courses/{id}/enrolments': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: (f) => ({ guideId: f.A.guideId }),
  },
  'POST /api/v1/courses/{id}/enrolments/{enrolmentId}/withdraw': {
    who: 'coordinator',
    params: () => ({ id: NO_RECORD.id, enrolmentId: NO_RECORD.id }),
  },
  'POST /api/v1/courses/{id}/finish': { who: 'coordinator', params: () => NO_RECORD },
  // Messages (issue 12 §3). The guide's own routes refuse the coordinator after validation, like /me/consents.
  'POST /api/v1/messages': {
    who: 'coordinator',
    body: (f) => ({
      subject: 'Wer hat im Dezember Zeit?',
      body: 'Bitte kurz antworten.',
      filter: { language: 'zu', districtId: f.A.districtIds[0], status: ['active'], hasCapacity: true },
    }),
  },
  'POST /api/v1/messages/{id}/threads/{guideId}': {
    who: 'coordinator',
    params: (f) => ({ id: NO_RECORD.id, guideId: f.A.guideId }),
    body: () => ({ body: 'Danke!' }),
  },
  'POST /api/v1/me/messages/{id}/read': { who: 'coordinator', params: () => NO_RECORD },
  'POST /api/v1/me/messages/{id}/replies': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ body: 'Ich habe Zeit.' }),
  },
  'PUT /api/v1/me/message-settings': { who: 'coordinator', body: () => ({ broadcastOptOut: true }) },
  // Hours and time sheets (issue 11).
  'POST /api/v1/hour-categories': { who: 'coordinator', body: () => ({ label: 'Sprachcafé', kind: 'other' }) },
  'PATCH /api/v1/hour-categories/{id}': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ label: 'Plenum (monatlich)', sortOrder: 2, archived: false }),
    emptyBodyOk: 'every field is optional: an empty patch changes nothing',
  },
  'POST /api/v1/hour-entries': {
    who: 'coordinator',
    body: (f) => ({
      guideId: f.A.guideId,
      categoryId: NO_RECORD.id,
      date: today,
      minutes: 90,
      note: 'Plenum',
      unpaid: false,
    }),
  },
  'PATCH /api/v1/hour-entries/{id}': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ minutes: 60, note: 'Korrigiert', date: today }),
    emptyBodyOk: 'every field is optional: an empty patch changes nothing',
  },
  'DELETE /api/v1/hour-entries/{id}': { who: 'coordinator', params: () => NO_RECORD },
  'POST /api/v1/hour-entries/{id}/correct': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ minutes: 60, note: 'Korrigiert', reason: 'Plenum endete früher' }),
  },
  'POST /api/v1/me/time-sheets/{month}/submit': { who: 'coordinator', params: () => ({ month: '2024-01' }) },
  'POST /api/v1/time-sheets/{id}/approve': { who: 'coordinator', params: () => NO_RECORD },
  'POST /api/v1/time-sheets/{id}/return': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ comment: 'Bitte die Supervision ergänzen.' }),
  },
  'POST /api/v1/programme-rule-sets': {
    who: 'coordinator',
    body: () => ({
      name: 'Hessen WIR',
      programme: 'hessenWir',
      validFrom: '2026-01-01',
      options: {
        allowancesEnabled: true,
        allowanceCentsPerHour: 500,
        capHours: 276,
        coordinatorCapHours: 414,
        teamBudgetHours: null,
        kmRateCents: 30,
        capCategoryKeys: [],
        timesheetDeadlineDay: 10,
      },
    }),
  },
  'PATCH /api/v1/programme-rule-sets/{id}': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ validFrom: '2030-01-01' }),
    emptyBodyOk: 'every field is optional: an empty patch changes nothing',
  },
  'DELETE /api/v1/programme-rule-sets/{id}': { who: 'coordinator', params: () => NO_RECORD },
  'POST /api/v1/team-budget/moves': {
    who: 'coordinator',
    body: (f) => ({ year: 2026, fromGuideId: null, toGuideId: f.A.guideId, hours: 1 }),
  },
  'PUT /api/v1/guides/{id}/hour-profile': {
    who: 'coordinator',
    params: (f) => ({ id: f.A.guideId }),
    body: () => ({ coordinating: false, benefits: 'none', taxFreeKind: 'ehrenamtspauschale' }),
  },
  'POST /api/v1/recognition/card-confirmations': {
    who: 'coordinator',
    body: (f) => ({ guideId: f.A.guideId, rule: 'niedersachsen' }),
  },
  'POST /api/v1/recognition/card-confirmations/{id}/card': {
    who: 'coordinator',
    params: () => NO_RECORD,
    body: () => ({ issuedOn: today }),
  },
  'POST /api/v1/notifications/{id}/read': { who: 'coordinator', params: () => NO_RECORD },
  'POST /api/v1/notifications/read-all': { who: 'coordinator' },
  'PUT /api/v1/me/notification-preferences': {
    who: 'coordinator',
    body: () => ({ items: [{ kind: 'review_due', channel: 'immediate' }] }),
  },
  // Web Push (issue 14): the test apps have no VAPID keys, so a valid subscription is refused with 409 after validation.
  'POST /api/v1/me/push-subscriptions': {
    who: 'coordinator',
    body: () => ({
      endpoint: 'https://push.example.com/send/abc',
      expirationTime: null,
      keys: {
        p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
        auth: 'tBHItJI5svbpez7KI4CCXg',
      },
      deviceLabel: 'Firefox · Android',
    }),
  },
  'DELETE /api/v1/me/push-subscriptions/{id}': { who: 'coordinator', params: () => NO_RECORD },
  // A guide's own pauses (issue 14): only the guide writes them; validation runs before the lookup.
  'POST /api/v1/guides/{id}/pauses': {
    who: 'coordinator',
    params: (f) => ({ id: f.A.guideId }),
    body: () => ({ startsOn: today, endsOn: today, reason: 'Urlaub' }),
  },
  'POST /api/v1/guides/{id}/pauses/{pauseId}/end': {
    who: 'coordinator',
    params: (f) => ({ id: f.A.guideId, pauseId: NO_RECORD.id }),
  },
  'DELETE /api/v1/guides/{id}/pauses/{pauseId}': {
    who: 'coordinator',
    params: (f) => ({ id: f.A.guideId, pauseId: NO_RECORD.id }),
  },
  // Rooms and bookings (issue 12 §2). Validation runs before any lookup, so the ids need not exist.
  // Funding programmes (issue 13 §3): platform administration.
  'POST /api/v1/funding-programmes': {
    who: 'admin',
    body: () => ({ name: 'Integrationslotsen Niedersachsen', region: 'Niedersachsen' }),
  },
  'PATCH /api/v1/funding-programmes/{id}': {
    who: 'admin',
    params: () => NO_RECORD,
    body: () => ({ name: 'Umbenannt', region: 'Region Hannover' }),
  },
  'PUT /api/v1/funding-programmes/{id}/offices': {
    who: 'admin',
    params: () => NO_RECORD,
    body: (f) => ({ officeIds: [f.A.officeId] }),
  },
  'POST /api/v1/funding-programmes/{id}/funders': {
    who: 'admin',
    params: () => NO_RECORD,
    body: () => ({ email: 'foerderreferat@test.example', displayName: 'Förderreferat', locale: 'de' }),
  },
  'POST /api/v1/funding-programmes/{id}/funders/{userId}/deactivate': {
    who: 'admin',
    params: () => ({ ...NO_RECORD, userId: NO_RECORD.id }),
  },
  'POST /api/v1/rooms': {
    who: 'coordinator',
    body: () => ({ name: 'Beratungsraum', capacity: 4, stepFree: true, equipment: ['wifi'] }),
    fuzzBody: (f) => ({
      name: 'Beratungsraum',
      location: 'Rathaus, 2. OG',
      capacity: 4,
      stepFree: true,
      equipment: ['wifi', 'projector'],
      partnerId: f.A.partnerId,
      notes: 'Ruhig',
    }),
  },
  'PATCH /api/v1/rooms/{id}': { who: 'coordinator', params: () => NO_RECORD, body: () => ({ capacity: 6 }) },
  'DELETE /api/v1/rooms/{id}': { who: 'coordinator', params: () => NO_RECORD },
  'POST /api/v1/room-bookings': {
    who: 'coordinator',
    body: () => ({
      roomId: NO_RECORD.id,
      startsAt: `${today}T16:00:00+01:00`,
      endsAt: `${today}T18:00:00+01:00`,
      title: 'Gespräch',
      purpose: 'other',
    }),
  },
  'POST /api/v1/room-bookings/{id}/cancel': { who: 'coordinator', params: () => NO_RECORD },
  'PUT /api/v1/directory-settings': {
    who: 'coordinator',
    body: () => ({
      listed: true,
      provider: 'Volkshochschule',
      description: { de: 'Wir begleiten.', en: 'We accompany.', ar: 'نرافق.' },
      howToGetHelp: { de: 'Rufen Sie an.', en: 'Call us.', ar: 'اتصل بنا.' },
      areas: ['Mitte'],
      lat: 52.37,
      lon: 9.73,
      contactEmail: 'lotsen@test.example',
      contactPhone: '+49 511 1234',
      website: 'https://test.example/lotsen',
      showLanguages: true,
      fieldKeys: ['authorities'],
      showVolunteerForm: true,
    }),
  },
  'PATCH /api/v1/settings': {
    who: 'coordinator',
    body: () => ({ offerExpiryHours: 48, reviewAfterDays: 30, fairnessWindowDays: 90 }),
    emptyBodyOk: 'every setting is optional; an empty patch changes nothing (unlike other PATCHes, not refused)',
    fuzzBody: () => structuredClone(DEFAULT_OFFICE_SETTINGS) as unknown as Record<string, unknown>,
  },
};
