import { describe, expect, it } from 'vitest';
import { bfclEnvironmentDir as bfclDir } from '@envscaler/env-bfcl-multi-turn';
import { loadEnvironment } from '../src/load.js';

describe('publicState on a live BFCL session', () => {
  // Regression: reading publicState used to freeze objects the session had created (a new ticket),
  // so the next tool writing to them failed with "Cannot assign to read only property".
  it('leaves the world writable for the next call', async () => {
    const env = await loadEnvironment({ dir: bfclDir });
    const session = await env.createSession({
      config: { involved_classes: ['TicketAPI'], initial_config: {} },
    });
    await session.call('ticket_login', { username: 'ana', password: 'pw' });
    expect(await session.call('create_ticket', { title: 'Printer', description: 'jammed' })).toMatchObject({
      ok: true,
    });
    const before = (await session.publicState()) as { TicketAPI: { ticket_queue: { status: string }[] } };
    expect(before.TicketAPI.ticket_queue.at(-1)?.status).toBe('Open');
    expect(await session.call('close_ticket', { ticket_id: 1 })).toEqual({
      ok: true,
      data: { status: 'Ticket 1 has been closed successfully.' },
    });
    const after = (await session.publicState()) as typeof before;
    expect(after.TicketAPI.ticket_queue.at(-1)?.status).toBe('Closed');
    session.dispose();
    env.dispose();
  }, 60_000);
});
