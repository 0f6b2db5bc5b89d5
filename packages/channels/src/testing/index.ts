// Test helpers for channel tests here and in apps/server: real servers on 127.0.0.1.
export { type DovecotOptions, type DovecotServer, startDovecot } from './dovecot.ts';
export { type SmtpSink, type SunkMail, startSmtpSink } from './smtp-sink.ts';
