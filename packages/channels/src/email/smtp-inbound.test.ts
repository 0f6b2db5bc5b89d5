import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { RejectedMail } from './mail-errors.ts';
import {
  type SmtpDelivery,
  type SmtpInbound,
  type SmtpInboundOptions,
  startSmtpInbound,
} from './smtp-inbound.ts';

const running: SmtpInbound[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function startInbound(overrides: Partial<SmtpInboundOptions> = {}) {
  const delivered: SmtpDelivery[] = [];
  const server = await startSmtpInbound({
    port: 0,
    host: '127.0.0.1',
    serverName: 'mx.sada.test',
    maxBytes: 200_000,
    acceptsRecipient: async (address) => address.endsWith('@sada.test'),
    deliver: async (input) => {
      delivered.push(input);
    },
    ...overrides,
  });
  running.push(server);
  const client = nodemailer.createTransport({
    host: '127.0.0.1',
    port: server.port,
    secure: false,
    ignoreTLS: true,
  });
  return { server, delivered, client };
}

const complaint = {
  from: 'أحمد <ahmed@example.com>',
  to: 'Support@Sada.Test',
  subject: 'الطلب لم يصل',
  text: 'لم يصل الطلب بعد.',
  attachments: [
    { filename: 'invoice.pdf', content: Buffer.from('%PDF-1.4 test'), contentType: 'application/pdf' },
  ],
};

describe('startSmtpInbound', () => {
  it('hands a received mail with its attachments to deliver and answers 250', async () => {
    const { server, delivered, client } = await startInbound();
    expect(server.port).toBeGreaterThan(0);
    const info = await client.sendMail(complaint);
    expect(info.response).toMatch(/^250/);
    expect(delivered).toHaveLength(1);
    const [delivery] = delivered;
    expect(delivery?.envelopeFrom).toBe('ahmed@example.com');
    expect(delivery?.recipients).toEqual(['support@sada.test']);
    expect(delivery?.mail.subject).toBe('الطلب لم يصل');
    expect(delivery?.mail.text).toBe('لم يصل الطلب بعد.');
    expect(delivery?.mail.from).toEqual({ address: 'ahmed@example.com', name: 'أحمد' });
    expect(delivery?.mail.attachments[0]).toMatchObject({
      name: 'invoice.pdf',
      contentType: 'application/pdf',
    });
    expect(delivery?.mail.attachments[0]?.content.toString()).toBe('%PDF-1.4 test');
    expect(delivery?.raw.toString()).toContain('Subject:');
  });

  it('refuses an unknown recipient with 550', async () => {
    const { delivered, client } = await startInbound();
    const failure = await client
      .sendMail({ ...complaint, to: 'someone@elsewhere.test' })
      .catch((error) => error);
    expect(failure.responseCode).toBe(550);
    expect(failure.response).toMatch(/no such mailbox/);
    expect(delivered).toHaveLength(0);
  });

  it('answers 451 when deliver fails for a passing reason, so the sender retries', async () => {
    const { client } = await startInbound({
      deliver: async () => {
        throw new Error('database is restarting');
      },
    });
    const failure = await client.sendMail(complaint).catch((error) => error);
    expect(failure.responseCode).toBe(451);
    expect(failure.response).not.toContain('database');
  });

  it('answers 550 with the reason when deliver rejects the mail for good', async () => {
    const { client } = await startInbound({
      deliver: async () => {
        throw new RejectedMail('This address does not take mail from automatic senders');
      },
    });
    const failure = await client.sendMail(complaint).catch((error) => error);
    expect(failure.responseCode).toBe(550);
    expect(failure.response).toContain('does not take mail from automatic senders');
  });

  it('refuses a message over maxBytes with 552', async () => {
    const { delivered, client } = await startInbound({ maxBytes: 10_000 });
    const failure = await client
      .sendMail({ ...complaint, text: 'x'.repeat(20_000), attachments: [] })
      .catch((error) => error);
    expect(failure.responseCode).toBe(552);
    expect(delivered).toHaveLength(0);
  });

  it('refuses with 552 a client that sends more than maxBytes without declaring a size', async () => {
    const { server, delivered } = await startInbound({ maxBytes: 10_000 });
    const replies = await speakSmtp(server.port, [
      'EHLO client.test',
      'MAIL FROM:<ahmed@example.com>',
      'RCPT TO:<support@sada.test>',
      'DATA',
      `Subject: big\r\n\r\n${'x'.repeat(20_000)}\r\n.`,
      'QUIT',
    ]);
    expect(replies.at(-2)).toMatch(/^552 /);
    expect(delivered).toHaveLength(0);
  });

  it('refuses with 550 a message that is not a mail at all', async () => {
    const { server, delivered } = await startInbound();
    const replies = await speakSmtp(server.port, [
      'EHLO client.test',
      'MAIL FROM:<ahmed@example.com>',
      'RCPT TO:<support@sada.test>',
      'DATA',
      'this is not a mail\r\n.',
      'QUIT',
    ]);
    expect(replies.at(-2)).toMatch(/^550 5\.6\.0 The mail has no headers/);
    expect(delivered).toHaveLength(0);
  });

  it('offers STARTTLS only when given a key and certificate', async () => {
    const plain = await startInbound();
    const refused = await nodemailer
      .createTransport({ host: '127.0.0.1', port: plain.server.port, requireTLS: true })
      .sendMail(complaint)
      .catch((error) => error);
    expect(refused.message).toMatch(/STARTTLS/);

    const secured = await startInbound({ tls: selfSignedCertificate() });
    const client = nodemailer.createTransport({
      host: '127.0.0.1',
      port: secured.server.port,
      requireTLS: true,
      tls: { rejectUnauthorized: false },
    });
    await client.sendMail(complaint);
    expect(secured.delivered).toHaveLength(1);
  });

  it('marks a bounce sent with the empty envelope sender', async () => {
    const { delivered, client } = await startInbound();
    await client.sendMail({ ...complaint, envelope: { from: '', to: 'support@sada.test' } });
    expect(delivered[0]?.envelopeFrom).toBeNull();
    expect(delivered[0]?.mail.automatic).toBe('bounce');
  });
});

// A bare SMTP client: sends each command after the previous reply, returns the last reply line
// of each (the greeting first).
function speakSmtp(port: number, commands: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const replies: string[] = [];
    let buffered = '';
    socket.setEncoding('utf8');
    socket.on('error', reject);
    socket.on('close', () => resolve(replies));
    socket.on('data', (data: string) => {
      buffered += data;
      const lines = buffered.split('\r\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (/^\d{3}-/.test(line)) continue;
        replies.push(line);
        const next = commands[replies.length - 1];
        if (next !== undefined) socket.write(`${next}\r\n`);
      }
    });
  });
}

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'sada-tls-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=mx.sada.test'].concat([
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ]),
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
