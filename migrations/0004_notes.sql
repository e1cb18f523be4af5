-- 0004_notes: a note on a run, written after the fact with `tracker note RUN "text"`.
--
-- One note per run, replaced when written again; it goes with its run. Read it with
--
--   SELECT r.id, n.text FROM runs AS r JOIN notes AS n ON n.run_id = r.id;

CREATE TABLE notes (
    run_id      INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
    text        TEXT NOT NULL CHECK (text <> ''),
    written_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
