import 'server-only';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

/*
 * Fetching an address that someone else wrote (an image in an uploaded backup) without letting
 * them point this server at itself or its network. Every address is checked where it is used:
 * an IP literal before connecting (Node does no lookup for those), a name inside the lookup the
 * connection itself uses (so what was checked is what is connected to: no rebinding between the
 * two), and both again on every redirect, which are followed here one hop at a time.
 */

/** A problem fit to show in a report: it says what was refused, never what a refused host holds. */
export class FetchProblem extends Error {}

const NOT_HTTP = 'refused: not an http or https address';
const MAX_REDIRECTS = 5;

const IPV4_REASONS: Record<string, string> = {
  unspecified: 'unspecified address',
  broadcast: 'broadcast address',
  multicast: 'multicast address',
  linkLocal: 'link-local address',
  loopback: 'loopback address',
  carrierGradeNat: 'carrier-grade NAT address',
  private: 'private address',
};

const IPV6_REASONS: Record<string, string> = {
  unspecified: 'unspecified address',
  linkLocal: 'link-local address',
  multicast: 'multicast address',
  loopback: 'loopback address',
  uniqueLocal: 'unique-local address',
  deprecatedSiteLocal: 'site-local address',
};

const cidr = (range: string) => ipaddr.IPv6.parseCIDR(range);

/*
 * Ranges refused outright, before the library's table: some ipaddr.js 2.x releases predate them
 * (RFC 3879, 8215, 9602, 9637), and a Teredo address is a tunnel whose other end nobody here chose.
 * RFC 8215's local NAT64 prefix may hide an IPv4 address at several offsets, so it is not decoded.
 */
const REFUSED_V6: [[ipaddr.IPv6, number], string][] = [
  [cidr('2001::/32'), 'Teredo tunnel address'],
  [cidr('fec0::/10'), 'site-local address'],
  [cidr('64:ff9b:1::/48'), 'reserved address'],
  [cidr('5f00::/16'), 'reserved address'],
  [cidr('3fff::/20'), 'reserved address'],
];
const GLOBAL_UNICAST = cidr('2000::/3');
const NAT64 = cidr('64:ff9b::/96');
const SIX_TO_FOUR = cidr('2002::/16');

const v4 = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

/** The IPv4 address an IPv6 one stands for (mapped, translated, compatible, NAT64, 6to4), if any. */
function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4 | null {
  const p = ip.parts;
  const zeros = (from: number, to: number) => p.slice(from, to).every((part) => part === 0);
  if (zeros(0, 5) && p[5] === 0xffff) return v4(p[6]!, p[7]!);
  if (zeros(0, 4) && p[4] === 0xffff && p[5] === 0) return v4(p[6]!, p[7]!);
  if (zeros(0, 6)) return v4(p[6]!, p[7]!);
  if (ip.match(NAT64)) return v4(p[6]!, p[7]!);
  if (ip.match(SIX_TO_FOUR)) return v4(p[1]!, p[2]!);
  return null;
}

function ipv4Refusal(ip: ipaddr.IPv4): string | null {
  const range = ip.range();
  return range === 'unicast' ? null : (IPV4_REASONS[range] ?? 'reserved address');
}

function ipv6Refusal(ip: ipaddr.IPv6): string | null {
  const range = ip.range();
  if (range === 'loopback' || range === 'unspecified') return IPV6_REASONS[range]!;
  const refused = REFUSED_V6.find(([block]) => ip.match(block));
  if (refused) return refused[1];
  const inner = embeddedIPv4(ip);
  if (inner) return ipv4Refusal(inner);
  if (range === 'unicast') return ip.match(GLOBAL_UNICAST) ? null : 'reserved address';
  return IPV6_REASONS[range] ?? 'reserved address';
}

/**
 * Why this server must not connect to an address, or null when it is public unicast. Anything
 * that is not plainly an address is refused too.
 */
export function addressRefusal(address: string): string | null {
  switch (net.isIP(address)) {
    case 4:
      return ipv4Refusal(ipaddr.IPv4.parse(address));
    case 6:
      return ipv6Refusal(ipaddr.IPv6.parse(address));
    default:
      return 'not an IP address';
  }
}

/** A host the owner trusts despite the rules (IMPORT_ALLOW_HOSTS), by name as written in the URL. */
export type AllowedHost = { host: string; port?: number };

/**
 * Reads a comma-separated list of host names or IP literals, each optionally with a port
 * (`nas.lan`, `127.0.0.1:8080`, `[::1]:3000`). Hosts are spelled as the URL parser spells them,
 * so `127.1` matches `http://127.0.0.1/`. An entry that is not a plain host is left out, so a
 * mistyped entry allows nothing.
 */
export function parseAllowedHosts(value: string | undefined): AllowedHost[] {
  const allowed: AllowedHost[] = [];
  for (const raw of (value ?? '').split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const written = net.isIPv6(entry) ? `[${entry}]` : entry;
    const parts = written.match(/^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d{1,5}))?$/i);
    if (!parts) continue;
    let host: string;
    try {
      host = stripDot(new URL(`http://${parts[1]}/`).hostname);
    } catch {
      continue;
    }
    const port = parts[2] === undefined ? undefined : Number(parts[2]);
    if (port !== undefined && (port < 1 || port > 65535)) continue;
    allowed.push(port === undefined ? { host } : { host, port });
  }
  return allowed;
}

const stripDot = (host: string) => host.replace(/\.$/, '').toLowerCase();

function isAllowed(url: URL, allowed: AllowedHost[]): boolean {
  const host = stripDot(url.hostname);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return allowed.some((entry) => entry.host === host && (entry.port === undefined || entry.port === port));
}

/**
 * What can be known about an address without any traffic: its scheme, credentials, and whether
 * an IP literal may be reached. Null means go on; a name is checked again when it resolves.
 */
export function urlRefusal(address: string | URL, allowed: AllowedHost[] = []): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return NOT_HTTP;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return NOT_HTTP;
  // Node would send them as a Basic login to whatever host the address names.
  if (url.username || url.password) return 'refused: address with a user name or password';
  if (isAllowed(url, allowed)) return null;
  const literal = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!net.isIP(literal)) return null;
  const reason = addressRefusal(literal);
  return reason && `refused: ${reason}`;
}

/*
 * The lookup the connection itself uses: every address the name resolves to must be public, and
 * the connection can only go to those. One private answer refuses the name, so a host cannot
 * mix a public address in to get past the check.
 */
const guardedLookup: net.LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    for (const { address } of addresses) {
      const reason = addressRefusal(address);
      if (reason) return callback(new FetchProblem(`refused: ${reason}`), '');
    }
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

/** "10 MB", "256 KB": limits as a report states them. */
export function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

export type SafeGetOptions = {
  /** The most a body may hold; a larger one is cut off. */
  maxBytes: number;
  allowHosts?: AllowedHost[];
  signal?: AbortSignal;
  /** Told the size of every chunk read, so a caller can keep a budget across many fetches. */
  onData?: (bytes: number) => void;
};

export type Fetched = { url: string; body: Buffer; contentType: string | null };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * GETs an address written by someone else: http or https only, public addresses only (unless
 * the owner allowed the host), at most five redirects each checked like the first address,
 * at most `maxBytes` read. Throws a FetchProblem whose message a report can show, or the
 * signal's reason when it aborts.
 */
export async function safeGet(address: string, options: SafeGetOptions): Promise<Fetched> {
  const allowed = options.allowHosts ?? [];
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FetchProblem(NOT_HTTP);
  }
  for (let hop = 0; ; hop++) {
    const refusal = urlRefusal(url, allowed);
    if (refusal) throw new FetchProblem(refusal);
    const response = await request(url, !isAllowed(url, allowed), options.signal);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (REDIRECTS.has(status) && location) {
      response.destroy();
      if (hop === MAX_REDIRECTS) throw new FetchProblem(`refused: more than ${MAX_REDIRECTS} redirects`);
      try {
        url = new URL(location, url);
      } catch {
        throw new FetchProblem(NOT_HTTP);
      }
      continue;
    }
    if (status < 200 || status > 299) {
      response.destroy();
      throw new FetchProblem(`the server answered ${status}`);
    }
    if (Number(response.headers['content-length'] ?? 0) > options.maxBytes) {
      response.destroy();
      throw new FetchProblem(`it is larger than ${describeBytes(options.maxBytes)}`);
    }
    const body = await readBody(response, options);
    return { url: url.href, body, contentType: response.headers['content-type'] ?? null };
  }
}

function request(url: URL, guarded: boolean, signal: AbortSignal | undefined): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(
      url,
      {
        method: 'GET',
        // A fresh connection per request: nothing pooled outlives the check made for it.
        agent: false,
        signal,
        headers: { accept: 'image/*,*/*;q=0.5', 'user-agent': 'Blogstead image import' },
        ...(guarded ? { lookup: guardedLookup } : {}),
      },
      resolve,
    );
    req.on('error', (error) => reject(failure(error, signal)));
    req.end();
  });
}

async function readBody(response: http.IncomingMessage, { maxBytes, onData, signal }: SafeGetOptions): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw new FetchProblem(`it is larger than ${describeBytes(maxBytes)}`);
      onData?.(chunk.length);
      signal?.throwIfAborted();
      chunks.push(chunk);
    }
  } catch (error) {
    response.destroy();
    throw failure(error, signal);
  }
  return Buffer.concat(chunks);
}

function failure(error: unknown, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return signal.reason;
  if (error instanceof FetchProblem) return error;
  if ((error as NodeJS.ErrnoException).code === 'ENOTFOUND') return new FetchProblem('its host name does not resolve');
  return new FetchProblem('it could not be fetched');
}
