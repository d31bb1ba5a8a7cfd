import type { IncomingHttpHeaders } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { Env } from '../site/config';

/** Who may tell us the client's address, scheme and host: nobody, the nearest N hops, or listed addresses. */
export type ProxyTrust = (address: string, hop: number) => boolean;

/** Headers a client can write that name its address, host or scheme: believed only from a trusted proxy. */
const FORWARDED_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded', 'x-real-ip'];

export class ProxySettingError extends Error {}

/**
 * TRUST_PROXY, read like Express's "trust proxy": unset (or `false`/`0`) trusts no proxy, so the
 * socket's address is the client's; a number N trusts the N nearest hops (1 = one nginx or Caddy in
 * front); otherwise a comma-separated list of addresses, CIDR ranges and the names `loopback`,
 * `linklocal`, `uniquelocal`. `true` is refused: trusting every hop lets any client pick its address.
 */
export function proxyTrust(env: Env = process.env): ProxyTrust {
  const raw = env.TRUST_PROXY?.trim() ?? '';
  if (raw === '' || raw === 'false' || raw === '0') return () => false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 32) throw new ProxySettingError(`TRUST_PROXY=${raw}: at most 32 hops can be trusted.`);
    return (_address, hop) => hop < hops;
  }
  if (raw === 'true') {
    throw new ProxySettingError('TRUST_PROXY=true would let any client choose its address; give a hop count (e.g. 1) or the proxy addresses.');
  }
  const entries = raw.split(',').map((s) => s.trim()).filter(Boolean);
  try {
    return proxyaddr.compile(entries);
  } catch (error) {
    throw new ProxySettingError(`TRUST_PROXY=${raw}: ${(error as Error).message}. Use a hop count, addresses, CIDR ranges or loopback/linklocal/uniquelocal.`);
  }
}

/** `::ffff:127.0.0.1` as `127.0.0.1`, so one client has one address however the socket reports it. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/**
 * Rewrites a request's forwarding headers to what can be believed, before the app sees them:
 * `X-Forwarded-For` becomes the one client address (the socket's, or the first untrusted hop when
 * the socket is a trusted proxy); host, scheme and port headers are dropped unless the socket is a
 * trusted proxy. Everything that reads a client address or origin (sign-in, comments, absolute
 * URLs, HSTS) reads these headers, so this one step decides for all of them.
 */
export function applyProxyTrust(req: { headers: IncomingHttpHeaders; socket: { remoteAddress?: string } }, trust: ProxyTrust): string {
  const socketAddress = req.socket.remoteAddress ?? '';
  const peerTrusted = socketAddress !== '' && trust(plainAddress(socketAddress), 0);
  let client = socketAddress;
  if (peerTrusted) {
    // proxy-addr walks X-Forwarded-For from the nearest hop outwards while each hop is trusted.
    client = proxyaddr({ headers: req.headers, socket: { remoteAddress: socketAddress } } as never, trust);
  } else {
    for (const name of FORWARDED_HEADERS) delete req.headers[name];
  }
  const address = plainAddress(client) || 'unknown';
  req.headers['x-forwarded-for'] = address;
  return address;
}
