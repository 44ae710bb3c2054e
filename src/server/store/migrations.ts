import type { Db } from './db';

/**
 * The one migration set, numbered, run at start in order. Only SQL that
 * PostgreSQL 15 accepts (PGlite is PostgreSQL 18, a real server may be 15).
 * No PostGIS: positions are plain lon/lat columns. Never edit a shipped
 * migration; add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  /* 1: sessions, devices, comments, reports, events, audit, facilitator login */ `
  CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL);

  CREATE TABLE sessions (
    id text PRIMARY KEY,
    title text NOT NULL,
    focus jsonb NOT NULL DEFAULT '{}'::jsonb,
    open boolean NOT NULL DEFAULT true,
    created timestamptz NOT NULL DEFAULT now(),
    last_seq bigint NOT NULL DEFAULT 0,
    comment_count integer NOT NULL DEFAULT 0
  );

  -- Only the SHA-256 of a device token is stored: no name, no contact, no IP.
  CREATE TABLE devices (
    token_hash text PRIMARY KEY,
    session_id text NOT NULL REFERENCES sessions (id),
    created timestamptz NOT NULL DEFAULT now()
  );

  -- created/updated are the client's ISO strings, kept verbatim so an identical re-send compares equal.
  CREATE TABLE comments (
    session_id text NOT NULL REFERENCES sessions (id),
    id uuid NOT NULL,
    device_hash text,
    kind text NOT NULL,
    text text NOT NULL,
    lon double precision NOT NULL,
    lat double precision NOT NULL,
    section text,
    feature text,
    created text NOT NULL,
    updated text NOT NULL,
    schema_version integer NOT NULL,
    seq bigint NOT NULL,
    hidden_at timestamptz,
    hidden_reason text,
    reports integer NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, id)
  );

  CREATE TABLE reports (
    session_id text NOT NULL,
    comment_id uuid NOT NULL,
    device_hash text NOT NULL,
    created timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, comment_id, device_hash),
    FOREIGN KEY (session_id, comment_id) REFERENCES comments (session_id, id)
  );

  -- One row per change, numbered gaplessly per session in the writing transaction.
  CREATE TABLE events (
    session_id text NOT NULL REFERENCES sessions (id),
    seq bigint NOT NULL,
    type text NOT NULL,
    comment_id uuid,
    payload jsonb NOT NULL,
    created timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, seq)
  );

  CREATE TABLE audit (
    id bigserial PRIMARY KEY,
    session_id text NOT NULL REFERENCES sessions (id),
    action text NOT NULL,
    comment_id uuid,
    reason text,
    actor text NOT NULL DEFAULT 'facilitator',
    at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX audit_session ON audit (session_id, id);

  -- The audit log is append-only, enforced by the database itself.
  CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
  END
  $$;
  CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();

  CREATE TABLE facilitator_sessions (
    token_hash text PRIMARY KEY,
    csrf text NOT NULL,
    created timestamptz NOT NULL DEFAULT now(),
    expires timestamptz NOT NULL
  );
  `,
];

/** Brings the database to the newest migration; safe when several instances start at once (advisory lock). */
export async function migrate(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(724001)');
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())',
    );
    const rows = await tx.query<{ v: number | null }>(
      'SELECT max(version)::int AS v FROM schema_migrations',
    );
    const current = rows[0]?.v ?? 0;
    for (let version = current + 1; version <= MIGRATIONS.length; version++) {
      for (const statement of splitStatements(MIGRATIONS[version - 1]!)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
    }
  });
}

/** Splits a migration into statements (the extended protocol takes one at a time), keeping `$$` bodies whole. */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inBody = false;
  for (const line of sql.split('\n')) {
    if (line.trim().startsWith('--') && !inBody) continue;
    current += line + '\n';
    if ((line.match(/\$\$/g) ?? []).length % 2 === 1) inBody = !inBody;
    if (!inBody && line.trimEnd().endsWith(';')) {
      statements.push(current.trim().replace(/;$/, ''));
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
