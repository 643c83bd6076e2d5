-- Scale-out: upload bytes every BFF can read, and rate-limit counters every BFF shares.

-- A blob is complete once its row exists: chunks are written first, the row last (bff/src/uploads/postgres-blob-store.ts).
CREATE TABLE IF NOT EXISTS blobs (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size >= 0),
  chunks integer NOT NULL CHECK (chunks >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS blob_chunks (
  sha256 text NOT NULL,
  seq integer NOT NULL CHECK (seq >= 0),
  data bytea NOT NULL,
  PRIMARY KEY (sha256, seq)
);

-- The table rate-limiter-flexible's PostgreSQL store reads and writes (its own layout; created here, not by the library).
CREATE TABLE IF NOT EXISTS rate_limits (
  key varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);
