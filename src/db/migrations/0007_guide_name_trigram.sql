-- pg_trgm ships with PostgreSQL (a trusted extension: the database owner may create it) and with PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "guides_name_trgm_idx" ON "guides" USING gin (("first_name" || ' ' || "last_name" || ' ' || "first_name") gin_trgm_ops);
