// Whether an e-mail address proves that someone belongs to the organisation whose website is given: the address must
// be at the website's own host (without `www.`) or under it, and that host must be the organisation's own, not a
// host shared by many sites or users.
import { parse } from 'tldts';

/**
 * Hosts where anyone can have a site (site builders, blog platforms, social networks, fundraising pages) or where an
 * internet provider gives both personal pages and mailboxes: a site or an address there proves nothing about the
 * organisation. Kept short on purpose: the ones French associations use most; a domain is listed with every
 * subdomain (`sites.google.com` via `google.com`). Platforms that give each user a subdomain of their own are found by
 * the Public Suffix List's private section instead (see `claimDomain`).
 */
export const sharedHosts = [
  'aliceadsl.fr',
  'blogspot.com',
  'blogspot.fr',
  'canalblog.com',
  'club-internet.fr',
  'e-monsite.com',
  'facebook.com',
  'free.fr',
  'github.io',
  'google.com',
  'helloasso.com',
  'instagram.com',
  'jimdofree.com',
  'jimdo.com',
  'laposte.net',
  'linkedin.com',
  'neuf.fr',
  'orange.fr',
  'over-blog.com',
  'over-blog.fr',
  'pagesperso-orange.fr',
  'sfr.fr',
  'wanadoo.fr',
  'webnode.fr',
  'wix.com',
  'wixsite.com',
  'wordpress.com',
  'youtube.com',
] as const;

/** The website's host name, lower-case, without `www.`; null when there is none or it is an IP address. */
export function websiteHost(website: string | null | undefined): string | null {
  if (!website?.trim()) return null;
  const text = website.trim();
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname.toLowerCase();
  } catch {
    return null;
  }
  host = host.replace(/\.$/, '').replace(/^www\./, '');
  if (!host.includes('.') || /^[\d.]+$/.test(host) || host.startsWith('[')) return null;
  return host;
}

/** Whether a host is that domain or one of its subdomains (`a.b.fr` is under `b.fr`; `ab.fr` is not). */
const isUnder = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

export const isSharedHost = (host: string) => sharedHosts.some((shared) => isUnder(host, shared));

export type WebsiteIssue = 'claimNoWebsite' | 'claimSharedHost';

/**
 * The host an address must be at (or under) to claim an organisation with this website, or why there is none. Refused
 * besides the shared hosts, per the Public Suffix List with its private section: a host that is itself a public suffix
 * (`asso.fr`, `eu.org`), and any host under a private suffix (`monasso.eu.org`, `x.duckdns.org`, `y.netlify.app`),
 * where subdomains are handed out for free to anyone, so that an old website's name may now be someone else's.
 */
export function claimDomain(website: string | null | undefined): { domain: string } | { issue: WebsiteIssue } {
  const host = websiteHost(website);
  if (!host) return { issue: 'claimNoWebsite' };
  const psl = parse(host, { allowPrivateDomains: true });
  if (isSharedHost(host) || !psl.domain || psl.isPrivate) return { issue: 'claimSharedHost' };
  return { domain: host };
}

/** Whether an e-mail address (already checked well-formed) is at that host or one of its subdomains. */
export function emailAtDomain(email: string, domain: string): boolean {
  const host = email
    .slice(email.lastIndexOf('@') + 1)
    .toLowerCase()
    .replace(/\.$/, '');
  return isUnder(host, domain);
}
