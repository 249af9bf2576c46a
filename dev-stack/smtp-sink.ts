import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the sink received. */
export interface ReceivedMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
}

export interface SmtpSink {
  readonly url: string;
  readonly received: ReceivedMail[];
  stop(): Promise<void>;
}

/**
 * A local SMTP server that accepts every message: the tests' mail server, and `npm start`'s stand-in when no
 * SMTP_URL is configured (messages land as .eml files in `saveDir`). Loopback only.
 */
export async function startSmtpSink(options: { port?: number; saveDir?: string; delayMs?: number } = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        try {
          const raw = Buffer.concat(chunks);
          const mail = await simpleParser(raw);
          const messageId = mail.messageId ?? '';
          if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
          received.push({ messageId, to: mail.to && !Array.isArray(mail.to) ? mail.to.text : '', subject: mail.subject ?? '', text: mail.text ?? '' });
          if (options.saveDir) {
            await mkdir(options.saveDir, { recursive: true });
            await writeFile(path.join(options.saveDir, `${Date.now()}-${messageId.replace(/[^A-Za-z0-9@.-]/g, '')}.eml`), raw);
          }
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
