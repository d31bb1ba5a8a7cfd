// Next bundles ipaddr.js 2.x without its types; this covers the part lib/safe-fetch.ts uses, in the
// shape of ipaddr.js's own declarations, so switching to the ipaddr.js package changes one import.
declare module 'next/dist/compiled/ipaddr.js' {
  namespace ipaddr {
    class IPv4 {
      static parse(address: string): IPv4;
      constructor(octets: number[]);
      octets: number[];
      range(): string;
      match(range: [IPv4, number]): boolean;
    }
    class IPv6 {
      static parse(address: string): IPv6;
      static parseCIDR(range: string): [IPv6, number];
      parts: number[];
      range(): string;
      match(range: [IPv6, number]): boolean;
    }
  }
  export = ipaddr;
}
