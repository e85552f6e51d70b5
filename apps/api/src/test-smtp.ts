import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

/**
 * A real SMTP server on loopback for tests (nodemailer's own `smtp-server`): it keeps every
 * message it accepts, and can be told to refuse (a 5xx or 4xx reply) or to hold a message without
 * answering, as a slow server does. No TLS, no sign-in: Tillit's SMTP_URL is `smtp://127.0.0.1:port`.
 */
export interface ReceivedMail {
  to: string[];
  raw: string;
  messageId: string;
  subject: string;
  headers: Map<string, string>;
  text: string;
  html: string;
}

export type SmtpBehaviour =
  | { kind: 'accept' }
  | { kind: 'refuse'; code: number; message: string }
  /** Reads the message and never answers (until the server closes). */
  | { kind: 'hold' };

export interface TestSmtp {
  port: number;
  url: string;
  /** Messages the server accepted (answered 250 to), in order. */
  messages: ReceivedMail[];
  /** Messages that were held without an answer. */
  held: ReceivedMail[];
  behave(behaviour: SmtpBehaviour): void;
  close(): Promise<void>;
}

export async function startTestSmtp(options: { port?: number } = {}): Promise<TestSmtp> {
  let behaviour: SmtpBehaviour = { kind: 'accept' };
  const messages: ReceivedMail[] = [];
  const held: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 200,
    // No reverse DNS of 127.0.0.1 on every connection (slow where there is no resolver).
    disableReverseLookup: true,
    onRcptTo(address, _session, callback) {
      if (behaviour.kind === 'refuse') return callback(Object.assign(new Error(behaviour.message), { responseCode: behaviour.code }));
      callback();
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail = parseMail(Buffer.concat(chunks).toString('utf8'), session.envelope.rcptTo.map((r) => r.address));
        if (behaviour.kind === 'hold') {
          held.push(mail);
          return;
        }
        messages.push(mail);
        callback(null, 'Accepted');
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    held,
    behave(next) {
      behaviour = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port on loopback that nothing listens on (an SMTP server that is down). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

// Just enough MIME for the messages nodemailer writes: headers, RFC 2047 words, one multipart
// level with text and HTML, quoted-printable or base64 bodies.

function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*(?==\?)?/gi, (_m, encoding: string, data: string) =>
    encoding.toLowerCase() === 'b'
      ? Buffer.from(data, 'base64').toString('utf8')
      : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const text = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

function parseMail(raw: string, to: string[]): ReceivedMail {
  const { headers, body } = splitHeaders(raw);
  let text = '';
  let html = '';
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  const parts = boundary
    ? body
        .split(`--${boundary}`)
        .slice(1)
        .filter((p) => !p.startsWith('--'))
        .map((p) => splitHeaders(p.replace(/^\r?\n/, '')))
    : [{ headers, body }];
  for (const part of parts) {
    const partType = part.headers.get('content-type') ?? 'text/plain';
    const content = decodeBody(part.headers, part.body).replace(/\r\n/g, '\n').replace(/\n$/, '');
    if (partType.startsWith('text/html')) html = content;
    else if (partType.startsWith('text/plain')) text = content;
  }
  return {
    to,
    raw,
    messageId: headers.get('message-id') ?? '',
    subject: decodeWords(headers.get('subject') ?? ''),
    headers,
    text,
    html,
  };
}
