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
  // Everything an approved claim states; a payout run sets only status, paid_on, payout_run_id and updated_at.
  const expenseClaimContent = [
    'office_id',
    'guide_id',
    'date',
    'origin',
    'destination',
    'assignment_id',
    'hour_category_id',
    'transport',
    'km',
    'km_rate_cents',
    'ticket_cents',
    'other_cents',
    'other_description',
    'amount_cents',
    'receipt_id',
    'note',
    'submitted_at',
    'decided_at',
    'decided_by_user_id',
    'return_comment',
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
-- Hours of an approved month are evidence (issue 11): no update or delete of its entries; the only inserts are a
-- reversal (reverses_entry_id) and the entry that replaces a reversed one (replaces_entry_id).
CREATE OR REPLACE FUNCTION lotsennetz_month_approved(p_guide uuid, p_date date) RETURNS boolean LANGUAGE sql STABLE AS $f$
  SELECT EXISTS (SELECT 1 FROM time_sheets s WHERE s.guide_id = p_guide AND s.month = to_char(p_date, 'YYYY-MM')
                 AND s.status = 'approved')
$f$;
CREATE OR REPLACE FUNCTION lotsennetz_guard_hour_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('lotsennetz.erasure', true) = 'on' AND current_user <> '${APP_ROLE}' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF lotsennetz_month_approved(NEW.guide_id, NEW.date)
       AND NEW.reverses_entry_id IS NULL AND NEW.replaces_entry_id IS NULL THEN
      RAISE EXCEPTION 'the month of hour entry % is approved and locked', NEW.id;
    END IF;
    RETURN NEW;
  END IF;
  IF lotsennetz_month_approved(OLD.guide_id, OLD.date) THEN
    RAISE EXCEPTION 'hour entry % is in an approved month and locked', OLD.id;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  IF lotsennetz_month_approved(NEW.guide_id, NEW.date) THEN
    RAISE EXCEPTION 'hour entry % cannot move into an approved month', OLD.id;
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS hour_entries_guard ON hour_entries;
CREATE TRIGGER hour_entries_guard BEFORE INSERT OR UPDATE OR DELETE ON hour_entries FOR EACH ROW EXECUTE FUNCTION lotsennetz_guard_hour_entry();

CREATE OR REPLACE FUNCTION lotsennetz_guard_time_sheet() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('lotsennetz.erasure', true) = 'on' AND current_user <> '${APP_ROLE}' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF OLD.status = 'approved' THEN
    RAISE EXCEPTION 'time sheet % is approved and locked', OLD.id;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS time_sheets_guard ON time_sheets;
CREATE TRIGGER time_sheets_guard BEFORE UPDATE OR DELETE ON time_sheets FOR EACH ROW EXECUTE FUNCTION lotsennetz_guard_time_sheet();

CREATE OR REPLACE FUNCTION lotsennetz_guard_activity_month() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF lotsennetz_month_approved(NEW.guide_id, NEW.date) THEN
    RAISE EXCEPTION 'the month of activity % is approved and locked', NEW.id;
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS activities_month_guard ON activities;
CREATE TRIGGER activities_month_guard BEFORE INSERT ON activities FOR EACH ROW EXECUTE FUNCTION lotsennetz_guard_activity_month();

CREATE OR REPLACE FUNCTION lotsennetz_guard_expense_claim() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Erasure (db/erasure.ts) may scrub a name from locked evidence: only inside its SECURITY DEFINER functions.
  IF current_setting('lotsennetz.erasure', true) = 'on' AND current_user <> '${APP_ROLE}' AND TG_OP = 'UPDATE' THEN
    RETURN NEW;
  END IF;
  -- Approved and paid claims are evidence; the one change allowed is approved → paid by a payout run.
  IF OLD.status IN ('approved', 'paid') THEN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'expense claim % is % and cannot be deleted', OLD.id, OLD.status;
    END IF;
    IF OLD.status = 'approved' AND NEW.status = 'paid'
       AND NOT (${changed(expenseClaimContent)}) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'expense claim % is % and locked', OLD.id, OLD.status;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS expense_claims_guard ON expense_claims;
CREATE TRIGGER expense_claims_guard BEFORE UPDATE OR DELETE ON expense_claims FOR EACH ROW EXECUTE FUNCTION lotsennetz_guard_expense_claim();

CREATE OR REPLACE FUNCTION lotsennetz_guard_expense_receipt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('lotsennetz.erasure', true) = 'on' AND current_user <> '${APP_ROLE}' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'receipt % cannot be changed; a new receipt is a new row', OLD.id;
END $$;
DROP TRIGGER IF EXISTS expense_receipts_guard ON expense_receipts;
CREATE TRIGGER expense_receipts_guard BEFORE UPDATE ON expense_receipts FOR EACH ROW EXECUTE FUNCTION lotsennetz_guard_expense_receipt();

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
