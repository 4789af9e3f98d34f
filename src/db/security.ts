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
`;
}
