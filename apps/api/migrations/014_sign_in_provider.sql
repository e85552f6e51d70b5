-- Sign-in through the organisation's identity provider (OpenID Connect), and e-mail addresses.

-- An optional e-mail address per account: set in user administration, or from the provider's
-- claims at every sign-in of a provider account (issue 11, mail, builds on it).
ALTER TABLE users ADD COLUMN email TEXT;

-- An account made by the provider is keyed by who the provider says the person is: its issuer and
-- `sub` (for Microsoft Entra ID `entra:<tid>` and `oid`), never by a user name or an e-mail address,
-- which a local account could share. Such an account has no usable password (password_hash '').
ALTER TABLE users ADD COLUMN oidc_issuer TEXT;
ALTER TABLE users ADD COLUMN oidc_subject TEXT;
CREATE UNIQUE INDEX users_oidc_identity ON users (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL;

-- The ID token a provider sign-in was given: sent back to the provider as `id_token_hint` at
-- sign-out (RP-initiated logout). NULL for a password sign-in.
ALTER TABLE sessions ADD COLUMN oidc_id_token TEXT;

-- The demo accounts of an existing demo database get the demo's addresses, as a new one does.
UPDATE users SET email = username || '@example.org'
WHERE email IS NULL
  AND username IN ('utvecklingschef', 'enhetschef', 'politiker')
  AND EXISTS (SELECT 1 FROM app_meta WHERE key = 'demo_data');
