import { describe, expect, it } from 'vitest';
import { claimDomain, emailAtDomain, websiteHost } from './domains.js';

describe('claim domains', () => {
  it('reads the website’s host without www., scheme or path', () => {
    expect(websiteHost('https://www.Theatre-Aix.fr/accueil')).toBe('theatre-aix.fr');
    expect(websiteHost('theatre-aix.fr')).toBe('theatre-aix.fr');
    expect(websiteHost('http://192.168.1.2/')).toBeNull();
    expect(websiteHost('')).toBeNull();
    expect(websiteHost(null)).toBeNull();
  });

  it('accepts the website’s host and its subdomains, refuses others', () => {
    const domain = claimDomain('https://www.theatre-aix.fr');
    expect(domain).toEqual({ domain: 'theatre-aix.fr' });
    expect(emailAtDomain('direction@theatre-aix.fr', 'theatre-aix.fr')).toBe(true);
    expect(emailAtDomain('direction@mail.theatre-aix.fr', 'theatre-aix.fr')).toBe(true);
    expect(emailAtDomain('direction@theatre-aix.com', 'theatre-aix.fr')).toBe(false);
    expect(emailAtDomain('direction@faux-theatre-aix.fr', 'theatre-aix.fr')).toBe(false);
    expect(claimDomain('https://mon-club.asso.fr')).toEqual({ domain: 'mon-club.asso.fr' });
  });

  it('for a website on a subdomain, accepts that subdomain and refuses its parent domain', () => {
    for (const [site, host, parent] of [
      ['https://club.univ-amu.fr/', 'club.univ-amu.fr', 'univ-amu.fr'],
      ['http://asso.mairie-x.fr', 'asso.mairie-x.fr', 'mairie-x.fr'],
    ] as const) {
      expect(claimDomain(site)).toEqual({ domain: host });
      expect(emailAtDomain(`bureau@${host}`, host)).toBe(true);
      expect(emailAtDomain(`bureau@mail.${host}`, host)).toBe(true);
      expect(emailAtDomain(`quelquun@${parent}`, host), parent).toBe(false);
      expect(emailAtDomain(`quelquun@autre.${parent}`, host), parent).toBe(false);
    }
  });

  it('refuses a website whose host is a public suffix or under a private one handed out to anyone', () => {
    for (const site of [
      'https://monasso.eu.org',
      'https://club.duckdns.org',
      'https://monasso.netlify.app',
      'https://eu.org',
      'https://asso.fr',
      'https://gouv.fr',
    ]) {
      expect(claimDomain(site), site).toEqual({ issue: 'claimSharedHost' });
    }
  });

  it('refuses shared hosts, internet providers’ pages and missing websites', () => {
    for (const site of [
      'https://theatre.wixsite.com/accueil',
      'http://theatre.over-blog.com',
      'http://theatre.free.fr',
      'https://www.facebook.com/theatre',
      'https://theatre.blogspot.com',
      'https://theatre.wordpress.com',
      'https://sites.google.com/view/theatre',
      'https://www.helloasso.com/associations/theatre',
      'http://perso.orange.fr/theatre',
      'http://theatre.pagesperso-orange.fr',
      'http://perso.wanadoo.fr/theatre',
      'http://theatre.perso.sfr.fr',
      'http://theatre.perso.neuf.fr',
      'http://theatre.club-internet.fr',
      'http://theatre.perso.aliceadsl.fr',
      'http://theatre.laposte.net',
    ]) {
      expect(claimDomain(site), site).toEqual({ issue: 'claimSharedHost' });
    }
    expect(claimDomain(null)).toEqual({ issue: 'claimNoWebsite' });
    expect(claimDomain('  ')).toEqual({ issue: 'claimNoWebsite' });
  });
});
