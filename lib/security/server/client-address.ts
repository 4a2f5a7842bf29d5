import 'server-only';
import proxyaddr from 'proxy-addr';

/**
 * The header carrying the TCP peer of a request. `instrumentation.ts` overwrites it on every request
 * the Node server receives (`peer-address.ts`), so a client can never set it; Next itself only adds
 * the peer to `X-Forwarded-For` when the client sent none, which is why it cannot be read from there.
 */
export const PEER_HEADER = 'x-claimdesk-peer';

/** Used when no peer is known (a handler called in-process, as the integration tests do). */
const UNKNOWN_PEER = 'unknown';

let compiled: { spec: string; trust: (addr: string, i: number) => boolean } | null = null;

/**
 * The proxies whose `X-Forwarded-*` headers are believed: `TRUSTED_PROXIES`, a comma-separated list of
 * addresses, CIDR ranges and proxy-addr's names (`loopback`, `linklocal`, `uniquelocal`). None by default.
 */
function trustFunction(): (addr: string, i: number) => boolean {
  const spec = process.env.TRUSTED_PROXIES?.trim() ?? '';
  if (compiled?.spec !== spec) {
    const entries = spec.split(',').map((s) => s.trim()).filter(Boolean);
    compiled = { spec, trust: proxyaddr.compile(entries) };
  }
  return compiled.trust;
}

function peerOf(headers: Headers): string {
  return headers.get(PEER_HEADER)?.trim() || UNKNOWN_PEER;
}

/** Whether the request reached us through a configured proxy, so its `X-Forwarded-*` headers may be believed. */
export function fromTrustedProxy(headers: Headers): boolean {
  const peer = peerOf(headers);
  return peer !== UNKNOWN_PEER && trustFunction()(peer, 0);
}

/**
 * The client's address with proxy-addr's semantics: start at the TCP peer and walk `X-Forwarded-For`
 * from the right only while the address we stand on is a trusted proxy. With no trusted proxies the
 * peer is the answer and whatever a client writes in `X-Forwarded-For` is ignored.
 */
export function clientAddress(headers: Headers): string {
  const trust = trustFunction();
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .reverse();
  const chain = [peerOf(headers), ...forwarded];
  let i = 0;
  while (i < chain.length - 1 && chain[i] !== UNKNOWN_PEER && trust(chain[i]!, i)) i++;
  return normalise(chain[i]!);
}

// "::ffff:10.0.0.1" and "10.0.0.1" are one client.
function normalise(addr: string): string {
  return addr.startsWith('::ffff:') && addr.includes('.') ? addr.slice(7) : addr;
}
