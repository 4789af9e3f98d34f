import { APP_ROLE } from './scope.js';

/**
 * Evidence the database itself protects, whatever the application does: a confirmed agreement version, an
 * approved activity entry and a published consent text are immutable. Applied after every migration (idempotent), like the security set-up.
 * A service that tried such a change has a bug; the trigger turns it into an error instead of silent rewriting.
 */
export function guardsSql(): string {
  const agreementContent = [
    'assignment_id',
    'version',
    'goal',
    'steps',
    'starts_on',
    'ends_on',
    'frequency',
    'contact_channels',
    'boundaries',
    'confidentiality',
    'insurance',
    'review_on',
    'extensions',
    'change_note',
    'created_by_name',
    'created_at',
  ];
  const changed = (columns: string[]) => columns.map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ');
  return `
CREATE OR REPLACE FUNCTION lotsennetz_guard_agreement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Erasure (db/erasure.ts) may scrub a name from locked evidence: only inside its SECURITY DEFINER functions.
  IF current_setting('lotsennetz.erasure', true) = 'on' AND current_user <> '${APP_ROLE}' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF (OLD.guide_confirmed_at IS NOT NULL OR OLD.partner_confirmed_at IS NOT NULL)
     AND (${changed(agreementContent)}) THEN
    RAISE EXCEPTION 'agreement % version % is confirmed and cannot change', OLD.assignment_id, OLD.version;
  END IF;
  IF (OLD.guide_confirmed_at IS NOT NULL AND (${changed(['guide_confirmed_at', 'guide_confirmed_by'])}))
     OR (OLD.partner_confirmed_at IS NOT NULL AND (${changed(['partner_confirmed_at', 'partner_confirmed_by'])})) THEN
    RAISE EXCEPTION 'a confirmation of agreement % version % cannot be changed', OLD.assignment_id, OLD.version;
  END IF;
  IF OLD.superseded_at IS NOT NULL AND (${changed(['guide_confirmed_at', 'partner_confirmed_at', 'superseded_at'])}) THEN
    RAISE EXCEPTION 'agreement % version % is superseded', OLD.assignment_id, OLD.version;
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS agreements_guard ON agreements;
CREATE TRIGGER agreements_guard BEFORE UPDATE ON agreements FOR EACH ROW EXECUTE FUNCTION lotsennetz_guard_agreement();

CREATE OR REPLACE FUNCTION lotsennetz_guard_activity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Erasure (db/erasure.ts) may scrub a name from locked evidence: only inside its SECURITY DEFINER functions.
  IF current_setting('lotsennetz.erasure', true) = 'on' AND current_user <> '${APP_ROLE}' THEN
    IF TG_OP = 'UPDATE' THEN RETURN NEW; END IF;
  END IF;
  IF OLD.approved_at IS NOT NULL THEN
    RAISE EXCEPTION 'activity % is approved and locked', OLD.id;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS activities_guard ON activities;
CREATE TRIGGER activities_guard BEFORE UPDATE OR DELETE ON activities FOR EACH ROW EXECUTE FUNCTION lotsennetz_guard_activity();

CREATE OR REPLACE FUNCTION lotsennetz_guard_consent_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'consent text % version % is published and cannot change', OLD.kind, OLD.version;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS consent_texts_guard ON consent_texts;
CREATE TRIGGER consent_texts_guard BEFORE UPDATE OR DELETE ON consent_texts FOR EACH ROW EXECUTE FUNCTION lotsennetz_guard_consent_text();

-- An Ehrenamtskarte confirmation states what the office confirmed: only the issued card is recorded later, once.
CREATE OR REPLACE FUNCTION lotsennetz_guard_card_confirmation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF ${changed(['office_id', 'guide_id', 'rule_key', 'confirmed_on', 'period_from', 'period_to', 'confirmed_minutes', 'year_minutes', 'validity_years', 'created_at'])} THEN
    RAISE EXCEPTION 'card confirmation % is evidence and cannot change', OLD.id;
  END IF;
  IF OLD.card_issued_on IS NOT NULL AND (${changed(['card_issued_on', 'card_expires_on'])}) THEN
    RAISE EXCEPTION 'the card of confirmation % is recorded and cannot change', OLD.id;
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS card_confirmations_guard ON card_confirmations;
CREATE TRIGGER card_confirmations_guard BEFORE UPDATE ON card_confirmations FOR EACH ROW EXECUTE FUNCTION lotsennetz_guard_card_confirmation();
`;
}
