-- Erasure of a person (GDPR art. 17). The account row stays as an empty tombstone, so that the
-- notes kept as "Borttagen användare" and the pseudonymised audit log still point at a number
-- that is never given to anyone else; its name, username, password, units and sessions are gone.
ALTER TABLE users ADD COLUMN erased_at TEXT;
