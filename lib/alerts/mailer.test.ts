import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MailConfigurationError, addressDomain, createMailer } from './mailer';
import { listOutbox, readOutboxEntry, readOutboxRaw } from './outbox';

let dir: string | null = null;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

describe('createMailer without SMTP', () => {
  it('writes each email as .eml plus an index entry that the outbox lists', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'elsewhere-outbox-'));
    const mailer = createMailer({
      smtpUrl: '',
      outboxDir: dir,
      from: 'Elsewhere <alerts@jobs.test>',
      production: false,
    });
    expect(mailer.kind).toBe('outbox');
    const sent = await mailer.send({
      to: 'ada@example.com',
      subject: '2 new remote Rust jobs',
      text: 'Hello',
      html: '<p>Hello</p>',
      headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
    const [entry] = await listOutbox(dir);
    expect(entry).toMatchObject({
      to: 'ada@example.com',
      subject: '2 new remote Rust jobs',
      messageId: sent.messageId,
      html: '<p>Hello</p>',
    });
    expect(await readOutboxEntry(entry!.id, dir)).toEqual(entry);
    const raw = await readOutboxRaw(entry!.id, dir);
    expect(raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(raw).toContain('From: Elsewhere <alerts@jobs.test>');
    expect(await readFile(path.join(dir, `${entry!.id}.eml`), 'utf8')).toBe(raw);
  });

  it('refuses ids that could leave the outbox folder', async () => {
    expect(await readOutboxEntry('../../etc/passwd', '/tmp')).toBeNull();
    expect(await readOutboxRaw('..%2f..%2fsecret', '/tmp')).toBeNull();
  });

  it('is a configuration error in production', () => {
    expect(() => createMailer({ smtpUrl: '', production: true })).toThrow(MailConfigurationError);
  });
});

describe('addressDomain', () => {
  it.each([
    ['Elsewhere <alerts@Jobs.Example.com>', 'jobs.example.com'],
    ['alerts@example.org', 'example.org'],
    ['nobody', 'localhost'],
  ])('%s -> %s', (address, domain) => {
    expect(addressDomain(address)).toBe(domain);
  });
});
