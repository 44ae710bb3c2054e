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
  /* 2: a new comment in one round trip, so the session row is locked for microseconds, not for several client round trips */ `
  CREATE FUNCTION lh_insert_comment(
    p_session text, p_id uuid, p_device text, p_kind text, p_text text, p_lon double precision,
    p_lat double precision, p_section text, p_feature text, p_created text, p_updated text,
    p_schema_version integer, p_max integer
  ) RETURNS TABLE (outcome text, seq bigint) LANGUAGE plpgsql AS $$
  DECLARE
    s_open boolean;
    s_count integer;
    next_seq bigint;
  BEGIN
    SELECT s.open, s.comment_count INTO s_open, s_count FROM sessions s WHERE s.id = p_session FOR UPDATE;
    IF NOT FOUND THEN
      RETURN QUERY SELECT 'no_session'::text, 0::bigint;
      RETURN;
    END IF;
    -- Checked after the lock, so a concurrent insert of the same id has committed and is seen here.
    IF EXISTS (SELECT 1 FROM comments c WHERE c.session_id = p_session AND c.id = p_id) THEN
      RETURN QUERY SELECT 'exists'::text, 0::bigint;
      RETURN;
    END IF;
    IF NOT s_open THEN
      RETURN QUERY SELECT 'closed'::text, 0::bigint;
      RETURN;
    END IF;
    IF s_count >= p_max THEN
      RETURN QUERY SELECT 'full'::text, 0::bigint;
      RETURN;
    END IF;
    UPDATE sessions SET last_seq = last_seq + 1, comment_count = comment_count + 1
      WHERE id = p_session RETURNING last_seq INTO next_seq;
    INSERT INTO comments (session_id, id, device_hash, kind, text, lon, lat, section, feature,
      created, updated, schema_version, seq)
      VALUES (p_session, p_id, p_device, p_kind, p_text, p_lon, p_lat, p_section, p_feature,
      p_created, p_updated, p_schema_version, next_seq);
    INSERT INTO events (session_id, seq, type, comment_id, payload) VALUES (
      p_session, next_seq, 'comment', p_id,
      jsonb_build_object('seq', next_seq, 'type', 'comment', 'commentId', p_id,
        'comment', jsonb_strip_nulls(jsonb_build_object(
          'id', p_id, 'kind', p_kind, 'text', p_text, 'lon', p_lon, 'lat', p_lat,
          'section', p_section, 'feature', p_feature, 'status', 'visible',
          'created', p_created, 'updated', p_updated, 'schemaVersion', p_schema_version,
          'seq', next_seq, 'sessionId', p_session, 'hidden', false, 'reports', 0))));
    PERFORM pg_notify('lh_events', p_session || ':' || next_seq);
    RETURN QUERY SELECT 'created'::text, next_seq;
  END
  $$;
  `,
  /* the comment list in pages by seq: an index walk instead of a sort of the whole session */ `
  CREATE INDEX IF NOT EXISTS comments_session_seq ON comments (session_id, seq);
  `,
  /* muting a device: its comments hidden, its new ones refused (inside the insert, under the session lock, so no comment slips past a mute); the facilitator's event carries the device label */ `
  ALTER TABLE devices ADD COLUMN IF NOT EXISTS muted_at timestamptz;
  ALTER TABLE audit ADD COLUMN IF NOT EXISTS device text;
  CREATE INDEX IF NOT EXISTS comments_session_device ON comments (session_id, device_hash);
  CREATE OR REPLACE FUNCTION lh_insert_comment(
    p_session text, p_id uuid, p_device text, p_kind text, p_text text, p_lon double precision,
    p_lat double precision, p_section text, p_feature text, p_created text, p_updated text,
    p_schema_version integer, p_max integer
  ) RETURNS TABLE (outcome text, seq bigint) LANGUAGE plpgsql AS $$
  DECLARE
    s_open boolean;
    s_count integer;
    next_seq bigint;
  BEGIN
    SELECT s.open, s.comment_count INTO s_open, s_count FROM sessions s WHERE s.id = p_session FOR UPDATE;
    IF NOT FOUND THEN
      RETURN QUERY SELECT 'no_session'::text, 0::bigint;
      RETURN;
    END IF;
    -- Checked after the lock, so a concurrent insert of the same id has committed and is seen here.
    IF EXISTS (SELECT 1 FROM comments c WHERE c.session_id = p_session AND c.id = p_id) THEN
      RETURN QUERY SELECT 'exists'::text, 0::bigint;
      RETURN;
    END IF;
    IF p_device IS NOT NULL AND EXISTS (
      SELECT 1 FROM devices d WHERE d.token_hash = p_device AND d.muted_at IS NOT NULL
    ) THEN
      RETURN QUERY SELECT 'muted'::text, 0::bigint;
      RETURN;
    END IF;
    IF NOT s_open THEN
      RETURN QUERY SELECT 'closed'::text, 0::bigint;
      RETURN;
    END IF;
    IF s_count >= p_max THEN
      RETURN QUERY SELECT 'full'::text, 0::bigint;
      RETURN;
    END IF;
    UPDATE sessions SET last_seq = last_seq + 1, comment_count = comment_count + 1
      WHERE id = p_session RETURNING last_seq INTO next_seq;
    INSERT INTO comments (session_id, id, device_hash, kind, text, lon, lat, section, feature,
      created, updated, schema_version, seq)
      VALUES (p_session, p_id, p_device, p_kind, p_text, p_lon, p_lat, p_section, p_feature,
      p_created, p_updated, p_schema_version, next_seq);
    INSERT INTO events (session_id, seq, type, comment_id, payload) VALUES (
      p_session, next_seq, 'comment', p_id,
      jsonb_build_object('seq', next_seq, 'type', 'comment', 'commentId', p_id,
        'comment', jsonb_strip_nulls(jsonb_build_object(
          'id', p_id, 'kind', p_kind, 'text', p_text, 'lon', p_lon, 'lat', p_lat,
          'section', p_section, 'feature', p_feature, 'status', 'visible',
          'created', p_created, 'updated', p_updated, 'schemaVersion', p_schema_version,
          'seq', next_seq, 'sessionId', p_session, 'hidden', false, 'reports', 0,
          'device', left(encode(sha256(convert_to('lh-device:' || p_device, 'UTF8')), 'hex'), 8)))));
    PERFORM pg_notify('lh_events', p_session || ':' || next_seq);
    RETURN QUERY SELECT 'created'::text, next_seq;
  END
  $$;
  `,
  /* 附议 — one support per device and comment; the count kept on the comment for cheap lists */ `
  ALTER TABLE comments ADD COLUMN supports integer NOT NULL DEFAULT 0;

  CREATE TABLE supports (
    session_id text NOT NULL,
    comment_id uuid NOT NULL,
    device_hash text NOT NULL,
    created timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, comment_id, device_hash),
    FOREIGN KEY (session_id, comment_id) REFERENCES comments (session_id, id)
  );
  CREATE INDEX supports_device ON supports (session_id, device_hash);

  -- One round trip per 附议 (a hall seconds in bursts), so the session row is locked for microseconds.
  CREATE FUNCTION lh_set_support(p_session text, p_id uuid, p_device text, p_on boolean)
  RETURNS TABLE (outcome text, supports integer, seq bigint) LANGUAGE plpgsql AS $$
  DECLARE
    s_open boolean;
    c_device text;
    c_hidden timestamptz;
    c_supports integer;
    changed integer;
    next_seq bigint;
  BEGIN
    SELECT s.open INTO s_open FROM sessions s WHERE s.id = p_session FOR UPDATE;
    IF NOT FOUND THEN
      RETURN QUERY SELECT 'no_session'::text, 0, 0::bigint;
      RETURN;
    END IF;
    SELECT c.device_hash, c.hidden_at, c.supports INTO c_device, c_hidden, c_supports
      FROM comments c WHERE c.session_id = p_session AND c.id = p_id;
    IF NOT FOUND OR c_hidden IS NOT NULL THEN
      RETURN QUERY SELECT 'no_comment'::text, 0, 0::bigint;
      RETURN;
    END IF;
    IF p_on AND c_device = p_device THEN
      RETURN QUERY SELECT 'own'::text, c_supports, 0::bigint;
      RETURN;
    END IF;
    IF NOT s_open THEN
      RETURN QUERY SELECT 'closed'::text, c_supports, 0::bigint;
      RETURN;
    END IF;
    IF p_on THEN
      INSERT INTO supports (session_id, comment_id, device_hash) VALUES (p_session, p_id, p_device)
        ON CONFLICT DO NOTHING;
    ELSE
      DELETE FROM supports s WHERE s.session_id = p_session AND s.comment_id = p_id AND s.device_hash = p_device;
    END IF;
    GET DIAGNOSTICS changed = ROW_COUNT;
    IF changed = 0 THEN
      RETURN QUERY SELECT 'unchanged'::text, c_supports, 0::bigint;
      RETURN;
    END IF;
    UPDATE comments c SET supports = c.supports + (CASE WHEN p_on THEN 1 ELSE -1 END)
      WHERE c.session_id = p_session AND c.id = p_id RETURNING c.supports INTO c_supports;
    UPDATE sessions s SET last_seq = s.last_seq + 1 WHERE s.id = p_session RETURNING s.last_seq INTO next_seq;
    INSERT INTO events (session_id, seq, type, comment_id, payload) VALUES (
      p_session, next_seq, 'support', p_id,
      jsonb_build_object('seq', next_seq, 'type', 'support', 'commentId', p_id, 'supports', c_supports));
    PERFORM pg_notify('lh_events', p_session || ':' || next_seq);
    RETURN QUERY SELECT 'changed'::text, c_supports, next_seq;
  END
  $$;
  `,
  /* where each comment falls (zone, nearest plan place, chapters), computed by the server once, stored with it */ `
  ALTER TABLE comments ADD COLUMN zone text;
  ALTER TABLE comments ADD COLUMN place_id text;
  ALTER TABLE comments ADD COLUMN place_km double precision;
  -- NULL: not placed (stored before placing existed, or the plan could not be read).
  ALTER TABLE comments ADD COLUMN chapters jsonb;

  -- lh_insert_comment (with the mute check) and the placement (p_place: {zone, place: {id, km} | null, chapters}), in the row and the event.
  CREATE FUNCTION lh_insert_placed_comment(
    p_session text, p_id uuid, p_device text, p_kind text, p_text text, p_lon double precision,
    p_lat double precision, p_section text, p_feature text, p_created text, p_updated text,
    p_schema_version integer, p_max integer, p_place jsonb
  ) RETURNS TABLE (outcome text, seq bigint) LANGUAGE plpgsql AS $$
  DECLARE
    s_open boolean;
    s_count integer;
    next_seq bigint;
  BEGIN
    SELECT s.open, s.comment_count INTO s_open, s_count FROM sessions s WHERE s.id = p_session FOR UPDATE;
    IF NOT FOUND THEN
      RETURN QUERY SELECT 'no_session'::text, 0::bigint;
      RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM comments c WHERE c.session_id = p_session AND c.id = p_id) THEN
      RETURN QUERY SELECT 'exists'::text, 0::bigint;
      RETURN;
    END IF;
    IF p_device IS NOT NULL AND EXISTS (
      SELECT 1 FROM devices d WHERE d.token_hash = p_device AND d.muted_at IS NOT NULL
    ) THEN
      RETURN QUERY SELECT 'muted'::text, 0::bigint;
      RETURN;
    END IF;
    IF NOT s_open THEN
      RETURN QUERY SELECT 'closed'::text, 0::bigint;
      RETURN;
    END IF;
    IF s_count >= p_max THEN
      RETURN QUERY SELECT 'full'::text, 0::bigint;
      RETURN;
    END IF;
    UPDATE sessions SET last_seq = last_seq + 1, comment_count = comment_count + 1
      WHERE id = p_session RETURNING last_seq INTO next_seq;
    INSERT INTO comments (session_id, id, device_hash, kind, text, lon, lat, section, feature,
      created, updated, schema_version, seq, zone, place_id, place_km, chapters)
      VALUES (p_session, p_id, p_device, p_kind, p_text, p_lon, p_lat, p_section, p_feature,
      p_created, p_updated, p_schema_version, next_seq, p_place->>'zone', p_place->'place'->>'id',
      (p_place->'place'->>'km')::double precision, p_place->'chapters');
    INSERT INTO events (session_id, seq, type, comment_id, payload) VALUES (
      p_session, next_seq, 'comment', p_id,
      jsonb_build_object('seq', next_seq, 'type', 'comment', 'commentId', p_id,
        'comment', jsonb_strip_nulls(jsonb_build_object(
          'id', p_id, 'kind', p_kind, 'text', p_text, 'lon', p_lon, 'lat', p_lat,
          'section', p_section, 'feature', p_feature, 'status', 'visible',
          'created', p_created, 'updated', p_updated, 'schemaVersion', p_schema_version,
          'seq', next_seq, 'sessionId', p_session, 'hidden', false, 'reports', 0, 'supports', 0,
          'device', left(encode(sha256(convert_to('lh-device:' || p_device, 'UTF8')), 'hex'), 8)))
          || CASE WHEN p_place IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('placement', p_place) END));
    PERFORM pg_notify('lh_events', p_session || ':' || next_seq);
    RETURN QUERY SELECT 'created'::text, next_seq;
  END
  $$;
  `,
  /* pre-moderation: a session may hold new comments for the facilitator's approval; a pending comment is
     seen by the facilitator and its author only, and cannot be supported (附议) */ `
  ALTER TABLE sessions ADD COLUMN premoderated boolean NOT NULL DEFAULT false;
  ALTER TABLE comments ADD COLUMN pending boolean NOT NULL DEFAULT false;
  CREATE INDEX comments_pending ON comments (session_id) WHERE pending;

  -- lh_insert_placed_comment as before, plus: in a pre-moderated session the comment is stored pending
  -- (outcome 'created_pending'), and its event says so (participants then get only its seq, views.ts).
  CREATE OR REPLACE FUNCTION lh_insert_placed_comment(
    p_session text, p_id uuid, p_device text, p_kind text, p_text text, p_lon double precision,
    p_lat double precision, p_section text, p_feature text, p_created text, p_updated text,
    p_schema_version integer, p_max integer, p_place jsonb
  ) RETURNS TABLE (outcome text, seq bigint) LANGUAGE plpgsql AS $$
  DECLARE
    s_open boolean;
    s_count integer;
    s_premoderated boolean;
    next_seq bigint;
  BEGIN
    SELECT s.open, s.comment_count, s.premoderated INTO s_open, s_count, s_premoderated FROM sessions s WHERE s.id = p_session FOR UPDATE;
    IF NOT FOUND THEN
      RETURN QUERY SELECT 'no_session'::text, 0::bigint;
      RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM comments c WHERE c.session_id = p_session AND c.id = p_id) THEN
      RETURN QUERY SELECT 'exists'::text, 0::bigint;
      RETURN;
    END IF;
    IF p_device IS NOT NULL AND EXISTS (
      SELECT 1 FROM devices d WHERE d.token_hash = p_device AND d.muted_at IS NOT NULL
    ) THEN
      RETURN QUERY SELECT 'muted'::text, 0::bigint;
      RETURN;
    END IF;
    IF NOT s_open THEN
      RETURN QUERY SELECT 'closed'::text, 0::bigint;
      RETURN;
    END IF;
    IF s_count >= p_max THEN
      RETURN QUERY SELECT 'full'::text, 0::bigint;
      RETURN;
    END IF;
    UPDATE sessions SET last_seq = last_seq + 1, comment_count = comment_count + 1
      WHERE id = p_session RETURNING last_seq INTO next_seq;
    INSERT INTO comments (session_id, id, device_hash, kind, text, lon, lat, section, feature,
      created, updated, schema_version, seq, zone, place_id, place_km, chapters, pending)
      VALUES (p_session, p_id, p_device, p_kind, p_text, p_lon, p_lat, p_section, p_feature,
      p_created, p_updated, p_schema_version, next_seq, p_place->>'zone', p_place->'place'->>'id',
      (p_place->'place'->>'km')::double precision, p_place->'chapters', s_premoderated);
    INSERT INTO events (session_id, seq, type, comment_id, payload) VALUES (
      p_session, next_seq, 'comment', p_id,
      jsonb_build_object('seq', next_seq, 'type', 'comment', 'commentId', p_id,
        'comment', jsonb_strip_nulls(jsonb_build_object(
          'id', p_id, 'kind', p_kind, 'text', p_text, 'lon', p_lon, 'lat', p_lat,
          'section', p_section, 'feature', p_feature, 'status', 'visible',
          'created', p_created, 'updated', p_updated, 'schemaVersion', p_schema_version,
          'seq', next_seq, 'sessionId', p_session, 'hidden', false, 'reports', 0, 'supports', 0,
          'pending', CASE WHEN s_premoderated THEN true END,
          'device', left(encode(sha256(convert_to('lh-device:' || p_device, 'UTF8')), 'hex'), 8)))
          || CASE WHEN p_place IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('placement', p_place) END));
    PERFORM pg_notify('lh_events', p_session || ':' || next_seq);
    RETURN QUERY SELECT (CASE WHEN s_premoderated THEN 'created_pending' ELSE 'created' END)::text, next_seq;
  END
  $$;

  -- lh_set_support as before, plus: a comment awaiting approval is, for a participant, not there.
  CREATE OR REPLACE FUNCTION lh_set_support(p_session text, p_id uuid, p_device text, p_on boolean)
  RETURNS TABLE (outcome text, supports integer, seq bigint) LANGUAGE plpgsql AS $$
  DECLARE
    s_open boolean;
    c_device text;
    c_hidden timestamptz;
    c_pending boolean;
    c_supports integer;
    changed integer;
    next_seq bigint;
  BEGIN
    SELECT s.open INTO s_open FROM sessions s WHERE s.id = p_session FOR UPDATE;
    IF NOT FOUND THEN
      RETURN QUERY SELECT 'no_session'::text, 0, 0::bigint;
      RETURN;
    END IF;
    SELECT c.device_hash, c.hidden_at, c.supports, c.pending INTO c_device, c_hidden, c_supports, c_pending
      FROM comments c WHERE c.session_id = p_session AND c.id = p_id;
    IF NOT FOUND OR c_hidden IS NOT NULL OR c_pending THEN
      RETURN QUERY SELECT 'no_comment'::text, 0, 0::bigint;
      RETURN;
    END IF;
    IF p_on AND c_device = p_device THEN
      RETURN QUERY SELECT 'own'::text, c_supports, 0::bigint;
      RETURN;
    END IF;
    IF NOT s_open THEN
      RETURN QUERY SELECT 'closed'::text, c_supports, 0::bigint;
      RETURN;
    END IF;
    IF p_on THEN
      INSERT INTO supports (session_id, comment_id, device_hash) VALUES (p_session, p_id, p_device)
        ON CONFLICT DO NOTHING;
    ELSE
      DELETE FROM supports s WHERE s.session_id = p_session AND s.comment_id = p_id AND s.device_hash = p_device;
    END IF;
    GET DIAGNOSTICS changed = ROW_COUNT;
    IF changed = 0 THEN
      RETURN QUERY SELECT 'unchanged'::text, c_supports, 0::bigint;
      RETURN;
    END IF;
    UPDATE comments c SET supports = c.supports + (CASE WHEN p_on THEN 1 ELSE -1 END)
      WHERE c.session_id = p_session AND c.id = p_id RETURNING c.supports INTO c_supports;
    UPDATE sessions s SET last_seq = s.last_seq + 1 WHERE s.id = p_session RETURNING s.last_seq INTO next_seq;
    INSERT INTO events (session_id, seq, type, comment_id, payload) VALUES (
      p_session, next_seq, 'support', p_id,
      jsonb_build_object('seq', next_seq, 'type', 'support', 'commentId', p_id, 'supports', c_supports));
    PERFORM pg_notify('lh_events', p_session || ':' || next_seq);
    RETURN QUERY SELECT 'changed'::text, c_supports, next_seq;
  END
  $$;
  `,
  /* the agenda: topics kept on the session, the one discussed now, and each new comment tagged with it at insert (from the locked session row, so a client cannot choose it) */ `
  ALTER TABLE sessions ADD COLUMN agenda jsonb NOT NULL DEFAULT '[]'::jsonb;
  ALTER TABLE sessions ADD COLUMN current_topic uuid;
  ALTER TABLE sessions ADD COLUMN topic_started timestamptz;
  ALTER TABLE comments ADD COLUMN topic_id uuid;
  ALTER TABLE audit ADD COLUMN topic_id uuid;

  -- lh_insert_placed_comment as before (with pre-moderation), plus the session's current topic in the row and the event.
  CREATE OR REPLACE FUNCTION lh_insert_placed_comment(
    p_session text, p_id uuid, p_device text, p_kind text, p_text text, p_lon double precision,
    p_lat double precision, p_section text, p_feature text, p_created text, p_updated text,
    p_schema_version integer, p_max integer, p_place jsonb
  ) RETURNS TABLE (outcome text, seq bigint) LANGUAGE plpgsql AS $$
  DECLARE
    s_open boolean;
    s_count integer;
    s_premoderated boolean;
    s_topic uuid;
    next_seq bigint;
  BEGIN
    SELECT s.open, s.comment_count, s.premoderated, s.current_topic
      INTO s_open, s_count, s_premoderated, s_topic FROM sessions s WHERE s.id = p_session FOR UPDATE;
    IF NOT FOUND THEN
      RETURN QUERY SELECT 'no_session'::text, 0::bigint;
      RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM comments c WHERE c.session_id = p_session AND c.id = p_id) THEN
      RETURN QUERY SELECT 'exists'::text, 0::bigint;
      RETURN;
    END IF;
    IF p_device IS NOT NULL AND EXISTS (
      SELECT 1 FROM devices d WHERE d.token_hash = p_device AND d.muted_at IS NOT NULL
    ) THEN
      RETURN QUERY SELECT 'muted'::text, 0::bigint;
      RETURN;
    END IF;
    IF NOT s_open THEN
      RETURN QUERY SELECT 'closed'::text, 0::bigint;
      RETURN;
    END IF;
    IF s_count >= p_max THEN
      RETURN QUERY SELECT 'full'::text, 0::bigint;
      RETURN;
    END IF;
    UPDATE sessions SET last_seq = last_seq + 1, comment_count = comment_count + 1
      WHERE id = p_session RETURNING last_seq INTO next_seq;
    INSERT INTO comments (session_id, id, device_hash, kind, text, lon, lat, section, feature,
      created, updated, schema_version, seq, zone, place_id, place_km, chapters, pending, topic_id)
      VALUES (p_session, p_id, p_device, p_kind, p_text, p_lon, p_lat, p_section, p_feature,
      p_created, p_updated, p_schema_version, next_seq, p_place->>'zone', p_place->'place'->>'id',
      (p_place->'place'->>'km')::double precision, p_place->'chapters', s_premoderated, s_topic);
    INSERT INTO events (session_id, seq, type, comment_id, payload) VALUES (
      p_session, next_seq, 'comment', p_id,
      jsonb_build_object('seq', next_seq, 'type', 'comment', 'commentId', p_id,
        'comment', jsonb_strip_nulls(jsonb_build_object(
          'id', p_id, 'kind', p_kind, 'text', p_text, 'lon', p_lon, 'lat', p_lat,
          'section', p_section, 'feature', p_feature, 'status', 'visible',
          'created', p_created, 'updated', p_updated, 'schemaVersion', p_schema_version,
          'seq', next_seq, 'sessionId', p_session, 'hidden', false, 'reports', 0, 'supports', 0,
          'pending', CASE WHEN s_premoderated THEN true END,
          'topic', s_topic,
          'device', left(encode(sha256(convert_to('lh-device:' || p_device, 'UTF8')), 'hex'), 8)))
          || CASE WHEN p_place IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('placement', p_place) END));
    PERFORM pg_notify('lh_events', p_session || ':' || next_seq);
    RETURN QUERY SELECT (CASE WHEN s_premoderated THEN 'created_pending' ELSE 'created' END)::text, next_seq;
  END
  $$;
  `,
  /* a deadline (closes_at): after it, by the database's clock read under the session row lock, comments and supports are refused as closed */ `
  ALTER TABLE sessions ADD COLUMN closes_at timestamptz;

  -- lh_insert_placed_comment as before (pre-moderation, topic), plus the deadline check beside the open one.
  CREATE OR REPLACE FUNCTION lh_insert_placed_comment(
    p_session text, p_id uuid, p_device text, p_kind text, p_text text, p_lon double precision,
    p_lat double precision, p_section text, p_feature text, p_created text, p_updated text,
    p_schema_version integer, p_max integer, p_place jsonb
  ) RETURNS TABLE (outcome text, seq bigint) LANGUAGE plpgsql AS $$
  DECLARE
    s_open boolean;
    s_count integer;
    s_premoderated boolean;
    s_topic uuid;
    s_closes timestamptz;
    next_seq bigint;
  BEGIN
    SELECT s.open, s.comment_count, s.premoderated, s.current_topic, s.closes_at
      INTO s_open, s_count, s_premoderated, s_topic, s_closes FROM sessions s WHERE s.id = p_session FOR UPDATE;
    IF NOT FOUND THEN
      RETURN QUERY SELECT 'no_session'::text, 0::bigint;
      RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM comments c WHERE c.session_id = p_session AND c.id = p_id) THEN
      RETURN QUERY SELECT 'exists'::text, 0::bigint;
      RETURN;
    END IF;
    IF p_device IS NOT NULL AND EXISTS (
      SELECT 1 FROM devices d WHERE d.token_hash = p_device AND d.muted_at IS NOT NULL
    ) THEN
      RETURN QUERY SELECT 'muted'::text, 0::bigint;
      RETURN;
    END IF;
    -- The deadline by the database's clock, read once the row is locked: nothing is stored after it.
    IF NOT s_open OR s_closes <= clock_timestamp() THEN
      RETURN QUERY SELECT 'closed'::text, 0::bigint;
      RETURN;
    END IF;
    IF s_count >= p_max THEN
      RETURN QUERY SELECT 'full'::text, 0::bigint;
      RETURN;
    END IF;
    UPDATE sessions SET last_seq = last_seq + 1, comment_count = comment_count + 1
      WHERE id = p_session RETURNING last_seq INTO next_seq;
    INSERT INTO comments (session_id, id, device_hash, kind, text, lon, lat, section, feature,
      created, updated, schema_version, seq, zone, place_id, place_km, chapters, pending, topic_id)
      VALUES (p_session, p_id, p_device, p_kind, p_text, p_lon, p_lat, p_section, p_feature,
      p_created, p_updated, p_schema_version, next_seq, p_place->>'zone', p_place->'place'->>'id',
      (p_place->'place'->>'km')::double precision, p_place->'chapters', s_premoderated, s_topic);
    INSERT INTO events (session_id, seq, type, comment_id, payload) VALUES (
      p_session, next_seq, 'comment', p_id,
      jsonb_build_object('seq', next_seq, 'type', 'comment', 'commentId', p_id,
        'comment', jsonb_strip_nulls(jsonb_build_object(
          'id', p_id, 'kind', p_kind, 'text', p_text, 'lon', p_lon, 'lat', p_lat,
          'section', p_section, 'feature', p_feature, 'status', 'visible',
          'created', p_created, 'updated', p_updated, 'schemaVersion', p_schema_version,
          'seq', next_seq, 'sessionId', p_session, 'hidden', false, 'reports', 0, 'supports', 0,
          'pending', CASE WHEN s_premoderated THEN true END,
          'topic', s_topic,
          'device', left(encode(sha256(convert_to('lh-device:' || p_device, 'UTF8')), 'hex'), 8)))
          || CASE WHEN p_place IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('placement', p_place) END));
    PERFORM pg_notify('lh_events', p_session || ':' || next_seq);
    RETURN QUERY SELECT (CASE WHEN s_premoderated THEN 'created_pending' ELSE 'created' END)::text, next_seq;
  END
  $$;

  -- lh_set_support as before (pre-moderation), plus the deadline check beside the open one.
  CREATE OR REPLACE FUNCTION lh_set_support(p_session text, p_id uuid, p_device text, p_on boolean)
  RETURNS TABLE (outcome text, supports integer, seq bigint) LANGUAGE plpgsql AS $$
  DECLARE
    s_open boolean;
    s_closes timestamptz;
    c_device text;
    c_hidden timestamptz;
    c_pending boolean;
    c_supports integer;
    changed integer;
    next_seq bigint;
  BEGIN
    SELECT s.open, s.closes_at INTO s_open, s_closes FROM sessions s WHERE s.id = p_session FOR UPDATE;
    IF NOT FOUND THEN
      RETURN QUERY SELECT 'no_session'::text, 0, 0::bigint;
      RETURN;
    END IF;
    SELECT c.device_hash, c.hidden_at, c.supports, c.pending INTO c_device, c_hidden, c_supports, c_pending
      FROM comments c WHERE c.session_id = p_session AND c.id = p_id;
    IF NOT FOUND OR c_hidden IS NOT NULL OR c_pending THEN
      RETURN QUERY SELECT 'no_comment'::text, 0, 0::bigint;
      RETURN;
    END IF;
    IF p_on AND c_device = p_device THEN
      RETURN QUERY SELECT 'own'::text, c_supports, 0::bigint;
      RETURN;
    END IF;
    IF NOT s_open OR s_closes <= clock_timestamp() THEN
      RETURN QUERY SELECT 'closed'::text, c_supports, 0::bigint;
      RETURN;
    END IF;
    IF p_on THEN
      INSERT INTO supports (session_id, comment_id, device_hash) VALUES (p_session, p_id, p_device)
        ON CONFLICT DO NOTHING;
    ELSE
      DELETE FROM supports s WHERE s.session_id = p_session AND s.comment_id = p_id AND s.device_hash = p_device;
    END IF;
    GET DIAGNOSTICS changed = ROW_COUNT;
    IF changed = 0 THEN
      RETURN QUERY SELECT 'unchanged'::text, c_supports, 0::bigint;
      RETURN;
    END IF;
    UPDATE comments c SET supports = c.supports + (CASE WHEN p_on THEN 1 ELSE -1 END)
      WHERE c.session_id = p_session AND c.id = p_id RETURNING c.supports INTO c_supports;
    UPDATE sessions s SET last_seq = s.last_seq + 1 WHERE s.id = p_session RETURNING s.last_seq INTO next_seq;
    INSERT INTO events (session_id, seq, type, comment_id, payload) VALUES (
      p_session, next_seq, 'support', p_id,
      jsonb_build_object('seq', next_seq, 'type', 'support', 'commentId', p_id, 'supports', c_supports));
    PERFORM pg_notify('lh_events', p_session || ':' || next_seq);
    RETURN QUERY SELECT 'changed'::text, c_supports, next_seq;
  END
  $$;
  `,
  /* answers (issue 22): an append-only history per comment; the comment carries its current answer */ `
  CREATE TABLE answers (
    id bigserial PRIMARY KEY,
    session_id text NOT NULL,
    comment_id uuid NOT NULL,
    state text NOT NULL,
    reply text,
    reason text,
    section text,
    actor text NOT NULL DEFAULT 'facilitator',
    at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (session_id, comment_id) REFERENCES comments (session_id, id)
  );
  CREATE INDEX answers_comment ON answers (session_id, comment_id, id);

  -- Changing an answer adds a row; earlier answers are never changed or removed.
  CREATE FUNCTION answers_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'the answers history is append-only';
  END
  $$;
  CREATE TRIGGER answers_no_change BEFORE UPDATE OR DELETE ON answers
    FOR EACH ROW EXECUTE FUNCTION answers_append_only();

  -- The current answer ({state, reply?, reason?, section?, at}), NULL when not answered.
  ALTER TABLE comments ADD COLUMN answer jsonb;
  ALTER TABLE audit ADD COLUMN answer_state text;
  `,
  /* named facilitators: accounts instead of one shared password, so the audit log says who did what; the shared password becomes the account 主持人 (the default FACILITATOR_USER) */ `
  CREATE TABLE facilitators (
    username text PRIMARY KEY,
    password_hash text NOT NULL,
    created timestamptz NOT NULL DEFAULT now()
  );
  -- One account per name in any case: 'Li' and 'li' would be one person to a reader of the audit log.
  CREATE UNIQUE INDEX facilitators_name ON facilitators (lower(username));
  INSERT INTO facilitators (username, password_hash)
    SELECT '主持人', value FROM settings WHERE key = 'facilitator_password';
  DELETE FROM settings WHERE key = 'facilitator_password';

  -- Logins belong to an account: removing it ends them (the cascade), in the same transaction.
  DELETE FROM facilitator_sessions WHERE NOT EXISTS (SELECT 1 FROM facilitators);
  ALTER TABLE facilitator_sessions ADD COLUMN username text
    REFERENCES facilitators (username) ON DELETE CASCADE;
  UPDATE facilitator_sessions SET username = '主持人';
  ALTER TABLE facilitator_sessions ALTER COLUMN username SET NOT NULL;
  CREATE INDEX facilitator_sessions_user ON facilitator_sessions (username);

  -- Every new audit row names its facilitator; rows from before keep 'facilitator' (nobody knew who).
  ALTER TABLE audit ALTER COLUMN actor DROP DEFAULT;

  -- Changes to the accounts, append-only like the session audit; actor NULL = set at the server's start.
  CREATE TABLE facilitator_audit (
    id bigserial PRIMARY KEY,
    action text NOT NULL,
    username text NOT NULL,
    actor text,
    at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TRIGGER facilitator_audit_no_change BEFORE UPDATE OR DELETE ON facilitator_audit
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
  INSERT INTO facilitator_audit (action, username) SELECT 'add', username FROM facilitators;
  `,
  /* a session's hidden count (every lookup of the session reads it) from an index of its hidden comments, not a scan of all of them: ~200 → ~10 ms of PGlite CPU at 20,000 comments (bench report scenario) */ `
  CREATE INDEX comments_hidden ON comments (session_id) WHERE hidden_at IS NOT NULL;
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
