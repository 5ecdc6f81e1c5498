import http from 'node:http';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { NetworkAccessError, installLoopbackOnlyGuard, isLoopbackHost } from './network-guard.js';

// vitest.setup.ts installs the guard for every test; installing again must be harmless.
installLoopbackOnlyGuard();

// 203.0.113.0/24 is TEST-NET-3 (RFC 5737): never routed, so even a broken guard sends nothing anywhere.
const outside = '203.0.113.7';

describe('loopback-only network guard', () => {
  it('classifies loopback hosts', () => {
    for (const host of [
      'localhost',
      '127.0.0.1',
      '127.1.2.3',
      '::1',
      '[::1]',
      '::ffff:127.0.0.1',
      'LOCALHOST',
    ]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of [outside, 'example.com', '10.0.0.1', '0.0.0.0', '128.0.0.1', 'localhost.evil.com']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it('refuses a raw TCP connect to a non-loopback address, synchronously', () => {
    expect(() => net.connect({ host: outside, port: 80 })).toThrow(NetworkAccessError);
    expect(() => net.connect(80, outside)).toThrow(/must not touch the network.*203\.0\.113\.7/);
    expect(() => new net.Socket().connect({ host: 'example.com', port: 443 })).toThrow(NetworkAccessError);
  });

  it('refuses http.get and fetch to a remote host', async () => {
    expect(() => http.get(`http://${outside}:9/`)).toThrow(NetworkAccessError);
    const error = await fetch(`http://${outside}:8080/`).then(
      () => undefined,
      (e: unknown) => e as Error & { cause?: unknown },
    );
    expect(error).toBeDefined();
    expect(error?.cause).toBeInstanceOf(NetworkAccessError);
  });

  it('allows connections to a loopback server', async () => {
    const server = http.createServer((_req, res) => res.end('hi'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('hi');
      expect(
        await (
          await fetch(`http://localhost:${port}/`).catch(() => fetch(`http://127.0.0.1:${port}/`))
        ).text(),
      ).toBe('hi');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
