/** Referrer and device categorisation, as tables: what a header becomes, and nothing more. */
import { describe, expect, it } from 'vitest';
import { classifyDevice, classifyReferrer, optedOut, readerFacts } from './reader-facts.js';

const SITE = 'news.example.test';

describe('referrer categories', () => {
  it.each([
    // [Referer, category, host kept]
    [undefined, 'direct', ''],
    ['', 'direct', ''],
    ['not a url', 'direct', ''],
    ['javascript:alert(1)', 'direct', ''],
    ['ftp://files.example.org/x', 'direct', ''],
    ['https://news.example.test/ru/news/other', 'internal', ''],
    ['https://www.news.example.test/', 'internal', ''],
    ['https://m.news.example.test/uz', 'internal', ''],
    ['https://www.google.com/', 'search', 'google.com'],
    ['https://www.google.co.uz/search?q=secret+query', 'search', 'google.co.uz'],
    ['https://google.ru/url?sa=t&url=x', 'search', 'google.ru'],
    ['https://yandex.uz/search/?text=x', 'search', 'yandex.uz'],
    ['https://ya.ru/', 'search', 'ya.ru'],
    ['https://www.bing.com/search?q=x', 'search', 'bing.com'],
    ['https://duckduckgo.com/', 'search', 'duckduckgo.com'],
    ['https://t.me/xabar_ru/1234', 'telegram', 't.me'],
    ['https://web.telegram.org/k/', 'telegram', 'web.telegram.org'],
    ['android-app://org.telegram.messenger/', 'telegram', 'org.telegram.messenger'],
    ['android-app://com.google.android.googlequicksearchbox/https/www.google.com', 'search', 'com.google.android.googlequicksearchbox'],
    ['https://l.facebook.com/l.php?u=https%3A%2F%2Fnews', 'social', 'l.facebook.com'],
    ['https://m.facebook.com/', 'social', 'm.facebook.com'],
    ['https://t.co/abc', 'social', 't.co'],
    ['https://x.com/someone/status/1', 'social', 'x.com'],
    ['https://vk.com/wall-1_2', 'social', 'vk.com'],
    ['https://www.instagram.com/', 'social', 'instagram.com'],
    ['https://kun.uz/news/2026/12/06/x?utm_source=a', 'other', 'kun.uz'],
    ['https://user:password@gazeta.uz:8443/path#frag', 'other', 'gazeta.uz'],
    ['HTTPS://WWW.Gazeta.UZ./', 'other', 'gazeta.uz'],
    ['android-app://com.example.reader', 'other', 'com.example.reader'],
    ['https://notgoogle.com/', 'other', 'notgoogle.com'],
    ['https://google.evil.example.com.attacker.io/', 'other', 'google.evil.example.com.attacker.io'],
    ['https://fakefacebook.com/', 'other', 'fakefacebook.com'],
    ['https://exa mple.com/', 'direct', ''],
    [`https://${'a'.repeat(101)}.com/`, 'direct', ''],
  ])('%s → %s %s', (referer, source, host) => {
    expect(classifyReferrer(referer, SITE)).toEqual({ source, host });
  });

  it('never keeps a path, query, port or user info', () => {
    const r = classifyReferrer('https://bob:pw@kun.uz:8080/a/b?c=d#e', SITE);
    expect(r.host).toBe('kun.uz');
  });
});

const UA = {
  chromeLinux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  chromeWin: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  androidPhone: 'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
  androidTablet: 'Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  ipad: 'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
  kindle: 'Mozilla/5.0 (Linux; U; Android 4.0.3; en-us; KFTT Build/IML74K) AppleWebKit/537.36 (KHTML, like Gecko) Silk/3.68 like Chrome/39.0 Safari/537.36',
  firefoxAndroid: 'Mozilla/5.0 (Android 14; Mobile; rv:126.0) Gecko/126.0 Firefox/126.0',
  operaMini: 'Opera/9.80 (J2ME/MIDP; Opera Mini/9.80 (S60; SymbOS; Opera Mobi/23.348; U; en) Presto/2.5.25 Version/10.54',
  kaios: 'Mozilla/5.0 (Mobile; Nokia 8110 4G; rv:48.0) Gecko/48.0 Firefox/48.0 KAIOS/2.5',
  telegramInApp: 'Mozilla/5.0 (Linux; Android 12; Redmi Note 9) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0 Mobile Safari/537.36 Telegram-Android/10.3.2',
};

describe('device classes', () => {
  it.each([
    [UA.chromeLinux, 'desktop'],
    [UA.chromeWin, 'desktop'],
    [UA.safariMac, 'desktop'], // iPadOS asking for the desktop site looks like this too
    [UA.iphone, 'mobile'],
    [UA.androidPhone, 'mobile'],
    [UA.firefoxAndroid, 'mobile'],
    [UA.operaMini, 'mobile'],
    [UA.kaios, 'mobile'],
    [UA.telegramInApp, 'mobile'],
    [UA.androidTablet, 'tablet'],
    [UA.ipad, 'tablet'],
    [UA.kindle, 'tablet'],
  ])('%s → %s', (ua, device) => {
    expect(classifyDevice(ua)).toBe(device);
  });
});

describe('Do Not Track and Global Privacy Control', () => {
  it.each([
    [{}, false],
    [{ dnt: '0' }, false],
    [{ dnt: '1' }, true],
    [{ 'sec-gpc': '1' }, true],
    [{ 'sec-gpc': ['1'] }, true],
    [{ 'sec-gpc': '0', dnt: 'unspecified' }, false],
  ])('%j → opted out %s', (h, out) => {
    expect(optedOut(h)).toBe(out);
  });

  it('withholds referrer and device, keeping only that the view happened', () => {
    expect(readerFacts(UA.iphone, { referer: 'https://t.me/x', 'sec-gpc': '1' }, SITE)).toEqual({ source: 'withheld', host: '', device: 'withheld' });
    expect(readerFacts(UA.iphone, { referer: 'https://t.me/x' }, SITE)).toEqual({ source: 'telegram', host: 't.me', device: 'mobile' });
  });
});
