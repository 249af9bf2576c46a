-- A mail carrying a one-use link (e-mail confirmation, password reset) keeps it in outbox_message.body only until it
-- is sent: the sender then replaces the body, so the table no longer holds what account_token stores only as a hash.
ALTER TABLE outbox_message ADD COLUMN carries_secret boolean NOT NULL DEFAULT false;
