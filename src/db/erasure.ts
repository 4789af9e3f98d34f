import { APP_ROLE } from './scope.js';

/**
 * The privileged path of erasure (GDPR Art. 17), applied after every migration like the security set-up.
 *
 * The application role may not rewrite the audit log (UPDATE/DELETE revoked, security.ts), and confirmed agreements
 * and approved activities are locked by triggers (guards.ts). Erasure must still scrub a person's name from them, so
 * these SECURITY DEFINER functions run as the migration owner and do exactly that and nothing else:
 * - they only take plain strings (escaped here, never a pattern from the caller) of at least 3 characters;
 * - they only touch rows of the office the transaction is bound to (app.office_id), unless in the system scope;
 * - the guards let an update through only while `lotsennetz.erasure` is on *and* the current user is not the
 *   application role, i.e. only inside these functions.
 * The caller records what was erased in the audit log (without the values) in the same transaction.
 */
export function erasureSql(): string {
  return String.raw`
CREATE OR REPLACE FUNCTION lotsennetz_erasure_office_check(p_office uuid) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF coalesce(current_setting('app.scope', true), '') <> 'system'
     AND p_office IS DISTINCT FROM nullif(current_setting('app.office_id', true), '')::uuid THEN
    RAISE EXCEPTION 'erasure outside the bound office';
  END IF;
END $$;

-- A regular expression that finds any of the needles as whole words (where they begin/end with a word character).
CREATE OR REPLACE FUNCTION lotsennetz_erasure_pattern(p_needles text[], p_json boolean) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = public, pg_temp AS $$
  SELECT string_agg(
           CASE WHEN n ~ '^\w' THEN '\m' ELSE '' END
           || regexp_replace(CASE WHEN p_json THEN substr(to_jsonb(n)::text, 2, length(to_jsonb(n)::text) - 2) ELSE n END,
                             '([\\.\[\](){}*+?^$|])', '\\\1', 'g')
           || CASE WHEN n ~ '\w$' THEN '\M' ELSE '' END, '|')
    FROM unnest(p_needles) AS u(n)
   WHERE length(btrim(n)) >= 3
$$;

-- Replaces every needle in every text, varchar, text[] and json(b) column of every office-owned table (the catalogue
-- is walked, so a table added later is covered) for one office. With p_guide, p_guide_needles (e.g. the first name
-- alone, too common to replace office-wide) are replaced only in rows that belong to that guide.
CREATE OR REPLACE FUNCTION lotsennetz_erase(p_office uuid, p_needles text[], p_guide uuid, p_guide_needles text[],
                                            p_placeholder text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  c record;
  v_total integer := 0;
  v_count integer;
  v_ids uuid[];
  v_where text;
  v_pass integer;
  v_text text;
  v_json text;
BEGIN
  PERFORM lotsennetz_erasure_office_check(p_office);
  PERFORM set_config('lotsennetz.erasure', 'on', true);
  IF p_guide IS NOT NULL THEN
    v_ids := ARRAY[p_guide]
      || ARRAY(SELECT id FROM offers WHERE guide_id = p_guide AND office_id = p_office)
      || ARRAY(SELECT id FROM assignments WHERE guide_id = p_guide AND office_id = p_office)
      || ARRAY(SELECT id FROM activities WHERE guide_id = p_guide AND office_id = p_office)
      || ARRAY(SELECT ag.id FROM agreements ag JOIN assignments a ON a.id = ag.assignment_id
                WHERE a.guide_id = p_guide AND a.office_id = p_office);
  END IF;
  FOR v_pass IN 1..2 LOOP
    IF v_pass = 1 THEN
      v_text := lotsennetz_erasure_pattern(p_needles, false);
      v_json := lotsennetz_erasure_pattern(p_needles, true);
    ELSE
      IF p_guide IS NULL THEN EXIT; END IF;
      v_text := lotsennetz_erasure_pattern(p_guide_needles, false);
      v_json := lotsennetz_erasure_pattern(p_guide_needles, true);
    END IF;
    CONTINUE WHEN v_text IS NULL;
    FOR c IN
      SELECT col.table_name, col.column_name, col.data_type, col.udt_name,
             EXISTS (SELECT 1 FROM information_schema.columns g WHERE g.table_schema = 'public'
                      AND g.table_name = col.table_name AND g.column_name = 'guide_id') AS has_guide,
             EXISTS (SELECT 1 FROM information_schema.columns g WHERE g.table_schema = 'public'
                      AND g.table_name = col.table_name AND g.column_name = 'assignment_id') AS has_assignment
        FROM information_schema.columns col
        JOIN information_schema.tables t ON t.table_schema = col.table_schema AND t.table_name = col.table_name
       WHERE col.table_schema = 'public' AND t.table_type = 'BASE TABLE'
         AND (col.data_type IN ('text', 'character varying', 'json', 'jsonb')
              OR (col.data_type = 'ARRAY' AND col.udt_name IN ('_text', '_varchar')))
         AND EXISTS (SELECT 1 FROM information_schema.columns o WHERE o.table_schema = 'public'
                      AND o.table_name = col.table_name AND o.column_name = 'office_id')
    LOOP
      IF v_pass = 1 THEN
        v_where := 'true';
      ELSIF c.has_guide THEN
        v_where := 'guide_id = $4';
      ELSIF c.has_assignment THEN
        v_where := 'assignment_id = ANY($5)';
      ELSIF c.table_name = 'audit_events' THEN
        v_where := '(entity_id = ANY($5::text[]) OR actor_user_id = ANY($5))';
      ELSE
        CONTINUE;
      END IF;
      IF c.data_type IN ('json', 'jsonb') THEN
        EXECUTE format('UPDATE %I SET %I = regexp_replace(%I::text, $2, $3, ''gi'')::%s
                         WHERE office_id = $1 AND %I::text ~* $2 AND %s',
                       c.table_name, c.column_name, c.column_name, c.data_type, c.column_name, v_where)
          USING p_office, v_json, p_placeholder, p_guide, v_ids;
      ELSIF c.data_type = 'ARRAY' THEN
        EXECUTE format('UPDATE %I SET %I = ARRAY(SELECT regexp_replace(x, $2, $3, ''gi'')
                                                   FROM unnest(%I) WITH ORDINALITY AS u(x, n) ORDER BY n)
                         WHERE office_id = $1 AND array_to_string(%I, chr(31)) ~* $2 AND %s',
                       c.table_name, c.column_name, c.column_name, c.column_name, v_where)
          USING p_office, v_text, p_placeholder, p_guide, v_ids;
      ELSE
        EXECUTE format('UPDATE %I SET %I = regexp_replace(%I, $2, $3, ''gi'') WHERE office_id = $1 AND %I ~* $2 AND %s',
                       c.table_name, c.column_name, c.column_name, c.column_name, v_where)
          USING p_office, v_text, p_placeholder, p_guide, v_ids;
      END IF;
      GET DIAGNOSTICS v_count = ROW_COUNT;
      v_total := v_total + v_count;
    END LOOP;
  END LOOP;
  PERFORM set_config('lotsennetz.erasure', 'off', true);
  RETURN v_total;
END $$;

-- Personal values one record's audit entries carry under the given keys are replaced (the keys stay: the log still
-- says that the field changed).
CREATE OR REPLACE FUNCTION lotsennetz_erase_audit_fields(p_office uuid, p_entity_type text, p_entity_id text,
                                                         p_keys text[], p_placeholder text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE v_count integer;
BEGIN
  PERFORM lotsennetz_erasure_office_check(p_office);
  UPDATE audit_events
     SET changes = (SELECT jsonb_object_agg(k, CASE WHEN k = ANY(p_keys) THEN to_jsonb(p_placeholder) ELSE v END)
                      FROM jsonb_each(changes) AS e(k, v))
   WHERE office_id = p_office AND entity_type = p_entity_type AND entity_id = p_entity_id
     AND jsonb_typeof(changes) = 'object' AND changes ?| p_keys;
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END $$;

-- The retention job deletes one office's audit entries older than its audit-log period.
CREATE OR REPLACE FUNCTION lotsennetz_purge_audit(p_office uuid, p_before timestamptz) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE v_count integer;
BEGIN
  PERFORM lotsennetz_erasure_office_check(p_office);
  DELETE FROM audit_events WHERE office_id = p_office AND at < p_before;
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END $$;

REVOKE ALL ON FUNCTION lotsennetz_erase(uuid, text[], uuid, text[], text) FROM PUBLIC;
REVOKE ALL ON FUNCTION lotsennetz_erase_audit_fields(uuid, text, text, text[], text) FROM PUBLIC;
REVOKE ALL ON FUNCTION lotsennetz_purge_audit(uuid, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lotsennetz_erase(uuid, text[], uuid, text[], text) TO ${APP_ROLE};
GRANT EXECUTE ON FUNCTION lotsennetz_erase_audit_fields(uuid, text, text, text[], text) TO ${APP_ROLE};
GRANT EXECUTE ON FUNCTION lotsennetz_purge_audit(uuid, timestamptz) TO ${APP_ROLE};
`;
}
