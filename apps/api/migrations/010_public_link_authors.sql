-- Whether a public link shows the names of the people who wrote its public notes. Off unless the
-- development manager turns it on for a link: anonymous readers see the notes, not who wrote them.
ALTER TABLE public_links ADD COLUMN show_authors INTEGER NOT NULL DEFAULT 0 CHECK (show_authors IN (0, 1));
