import net from 'node:net';

/** Thrown when a test tries to open a connection to anything but this machine. */
export class NetworkAccessError extends Error {
  constructor(target: string) {
    super(`Tests must not touch the network: refused a connection to ${target} (only loopback is allowed)`);
    this.name = 'NetworkAccessError';
  }
}

const loopbackHosts = new Set(['localhost', '::1', '0:0:0:0:0:0:0:1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  return loopbackHosts.has(h) || /^127\.\d+\.\d+\.\d+$/.test(h) || h.startsWith('::ffff:127.');
}

let installed = false;

/**
 * Patches `net.Socket.prototype.connect`, which every TCP client in Node (http, https, tls, undici's
 * fetch, ioredis) goes through, so that a connection to a non-loopback host throws synchronously.
 * Unix-socket and IPC connections are allowed.
 */
export function installLoopbackOnlyGuard(): void {
  if (installed) return;
  installed = true;
  const original = net.Socket.prototype.connect;
  const guarded = function (this: net.Socket, ...args: unknown[]) {
    const first = args[0];
    let host: string | undefined;
    if (Array.isArray(first)) {
      // Internal form used by net.connect: [options, callback].
      const options = first[0] as { host?: string; path?: string } | undefined;
      if (options && !options.path) host = options.host ?? 'localhost';
    } else if (typeof first === 'object' && first !== null) {
      const options = first as { host?: string; path?: string };
      if (!options.path) host = options.host ?? 'localhost';
    } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
      host = typeof args[1] === 'string' ? args[1] : 'localhost';
    }
    if (host !== undefined && !isLoopbackHost(host)) throw new NetworkAccessError(host);
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  };
  net.Socket.prototype.connect = guarded as typeof net.Socket.prototype.connect;
}
