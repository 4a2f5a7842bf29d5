import 'server-only';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { PEER_HEADER } from '@/lib/security/server/client-address';

let installed = false;

/**
 * Copies each request's TCP peer address into a header before Next sees the request (Node publishes
 * `http.server.request.start` just before emitting `request`). Any value the client sent is replaced,
 * so `clientAddress` can start from the real peer.
 */
export function installPeerAddressHeader(): void {
  if (installed) return;
  installed = true;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_HEADER] = socket.remoteAddress ?? '';
  });
}
