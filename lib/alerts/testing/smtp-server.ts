/**
 * A real SMTP server on 127.0.0.1 for integration tests (the `smtp-server` package): it receives
 * what the mailer sends and parses it with mailparser. `refuse` lets a test make the server answer
 * a temporary failure (451) to chosen messages, as a real server does during an outage.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port> */
  url: string;
  /** Accepted messages, parsed, in arrival order. */
  messages: ParsedMail[];
  /** Messages refused so far. */
  refused: number;
  /** Return true to refuse the next message with 451. */
  refuse: () => boolean;
  /** Resolve once `count` messages were accepted (rejects after `timeoutMs`). */
  waitForMessages(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const state: TestSmtpServer = {
    url: '',
    messages: [],
    refused: 0,
    refuse: () => false,
    waitForMessages: async (count, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (state.messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} emails, got ${state.messages.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return state.messages;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no self-signed STARTTLS for the client to reject.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (state.refuse()) {
          state.refused++;
          const error = Object.assign(new Error('Temporary local problem, try again later'), {
            responseCode: 451,
          });
          callback(error);
          return;
        }
        simpleParser(Buffer.concat(chunks)).then(
          (parsed) => {
            state.messages.push(parsed);
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  state.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return state;
}
