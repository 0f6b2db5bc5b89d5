-- What an outbound message sends besides its text: a WhatsApp template's name, language and
-- parameters (action 'template'), sent when the 24-hour window has closed.
ALTER TABLE outbox ADD COLUMN payload jsonb;
