import { APP_ROLE } from './scope.js';

/**
 * Row-level security, applied after every migration. It finds every table with an `office_id` column,
 * so a table added later is isolated without anyone remembering to do it.
 */
export function securitySql(): string {
  return `
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
    CREATE ROLE ${APP_ROLE} NOLOGIN;
  END IF;
END $$;
DO $$
BEGIN
  EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
EXCEPTION WHEN others THEN NULL; -- already a member, or a superuser that needs no grant
END $$;
GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE};
REVOKE ALL ON TABLE __lotsennetz_migrations FROM ${APP_ROLE};
REVOKE ALL ON TABLE __lotsennetz_setup FROM ${APP_ROLE};
-- the audit log is append-only for the application
REVOKE UPDATE, DELETE ON TABLE audit_events FROM ${APP_ROLE};

DO $$
DECLARE t record;
BEGIN
  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables tb ON tb.table_name = c.table_name AND tb.table_schema = c.table_schema
    WHERE c.table_schema = 'public' AND c.column_name = 'office_id' AND tb.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.table_name);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.table_name);
    EXECUTE format('DROP POLICY IF EXISTS office_isolation ON %I', t.table_name);
    -- The settings are wrapped in scalar subqueries so PostgreSQL evaluates them once per query (an InitPlan),
    -- not once per row: this keeps large offices fast.
    EXECUTE format($p$CREATE POLICY office_isolation ON %I
      USING ((select current_setting('app.scope', true)) = 'system'
             OR office_id = (select nullif(current_setting('app.office_id', true), '')::uuid))
      WITH CHECK ((select current_setting('app.scope', true)) = 'system'
             OR office_id = (select nullif(current_setting('app.office_id', true), '')::uuid))$p$, t.table_name);
  END LOOP;
END $$;

ALTER TABLE offices ENABLE ROW LEVEL SECURITY;
ALTER TABLE offices FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS office_isolation ON offices;
CREATE POLICY office_isolation ON offices
  USING ((select current_setting('app.scope', true)) = 'system'
         OR id = (select nullif(current_setting('app.office_id', true), '')::uuid))
  WITH CHECK ((select current_setting('app.scope', true)) = 'system');

-- The session behind a cookie hash, in one statement without a transaction: the function runs with the system scope
-- set for its own duration only (the SET clause is undone when it returns), so every request saves the three round
-- trips of a system transaction. Only the connecting owner may call it, not the application role.
CREATE OR REPLACE FUNCTION lotsennetz_session(p_id text) RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER SET app.scope = 'system' SET search_path = public
AS $fn$
  SELECT jsonb_build_object(
    'lastSeenAt', s.last_seen_at, 'expiresAt', s.expires_at, 'csrfToken', s.csrf_token,
    'userId', u.id, 'role', u.role, 'officeId', u.office_id, 'partnerId', u.partner_id, 'guideId', u.guide_id,
    'displayName', u.display_name, 'email', u.email, 'locale', u.locale, 'disabledAt', u.disabled_at,
    'officeName', o.name, 'officeDeactivatedAt', o.deactivated_at)
  FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN offices o ON o.id = u.office_id
  WHERE s.id = p_id
$fn$;
REVOKE ALL ON FUNCTION lotsennetz_session(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION lotsennetz_session(text) FROM ${APP_ROLE};
`;
}
