-- Orphaned blob bytes are swept (bff/src/uploads/blob-sweep.ts): a chunk's age tells a write in
-- progress from one a crash abandoned, and the sweep asks for each old blob whether an upload points at it.
ALTER TABLE blob_chunks ADD COLUMN IF NOT EXISTS written_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX IF NOT EXISTS uploads_sha256 ON uploads (sha256);
