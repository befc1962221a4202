import { describe, expect, it } from 'vitest';
import {
  COOPERATION_AREAS,
  COUNTRIES,
  ECONOMY_MINISTRY,
  HERITAGE_CITIES,
  NEIGHBOURS,
  OBLASTS,
  ORGS,
  PARTNERS,
  PROVINCES,
  REGIONS,
  SECTORS,
  phrase,
  regionTags,
} from './corpus.slots.js';
import { ECONOMY_MINISTRY_TR, area, city, country, countryName, district, region, sector } from './corpus.tr.slots.js';
import { demoData } from './data.js';

describe('shared slot values (data/ru/slots.json)', () => {
  it('builds the derived Russian forms from the stored stems and tails', () => {
    expect(phrase('министр', 'энергетики').dat).toBe('министру энергетики');
    expect(() => phrase('посол', 'x')).toThrow(/unknown phrase head посол/);
    expect(SECTORS.find((s) => s.key === 'transport')).toMatchObject({
      area: 'транспорта и логистики',
      ministry: { nom: 'Министерство транспорта', ins: 'Министерством транспорта' },
      minister: { gen: 'министра транспорта' },
      tag: 'transport',
    });
    expect(ECONOMY_MINISTRY.prep).toBe('Министерстве экономики и финансов');
    const sam = REGIONS[0]!;
    expect(sam.name).toEqual({
      nom: 'Самаркандская область',
      gen: 'Самаркандской области',
      dat: 'Самаркандской области',
      acc: 'Самаркандскую область',
      ins: 'Самаркандской областью',
      prep: 'Самаркандской области',
    });
    expect(sam.head.ins).toBe('хокимом Самаркандской области');
    expect(regionTags(sam)).toEqual(['regiony', 'samarkand']);
    const kk = REGIONS.find((r) => r.center === 'Нукус')!;
    expect(kk.head.nom).toBe('председатель Совета министров Республики Каракалпакстан');
    expect(regionTags(kk)).toEqual(['regiony']);
  });

  it('derives the sub-lists from the stored lists', () => {
    expect(NEIGHBOURS.map((c) => c.name.nom)).toEqual(['Казахстан', 'Кыргызстан', 'Таджикистан', 'Туркменистан']);
    expect(PARTNERS).toHaveLength(18);
    expect(PARTNERS.every((p) => COUNTRIES.includes(p))).toBe(true);
    expect(OBLASTS).toHaveLength(12);
    expect(PROVINCES.map((r) => r.center)).not.toContain('Ташкент');
    expect(PROVINCES).toHaveLength(REGIONS.length - 1);
  });
});

describe('slot translations (data/uz/slots.json, data/en/slots.json)', () => {
  it('has the same tables and the same keys in Uzbek and English', () => {
    const uz = demoData<Record<string, unknown>>('uz/slots');
    const en = demoData<Record<string, unknown>>('en/slots');
    expect(Object.keys(en)).toEqual(Object.keys(uz));
    for (const [name, t] of Object.entries(uz)) {
      if (t && typeof t === 'object') expect(Object.keys(en[name] as object), name).toEqual(Object.keys(t));
    }
  });

  it('translates every shared slot value', () => {
    for (const c of COUNTRIES) expect(country(c).capital.en, c.name.nom).toBeTruthy();
    for (const r of REGIONS) {
      expect(region(r).uz.nom, r.center).toBeTruthy();
      for (const d of r.districts) expect(district(d).en, d).toMatch(/ district$/);
    }
    for (const s of SECTORS) expect(sector(s).ministry.uz.nom, s.key).toMatch(/vazirligi$/);
    for (const a of COOPERATION_AREAS) expect(area(a).en, a).toBeTruthy();
    for (const o of Object.values(ORGS)) expect(city(o.city).en, o.city).toBeTruthy();
    for (const h of HERITAGE_CITIES) expect(city(h.city).en, h.city).toBeTruthy();
  });

  it('builds the derived forms and keeps the written-out exceptions', () => {
    const sam = region(REGIONS[0]!);
    expect(sam.kind).toEqual({ uz: 'viloyat', en: 'the region' });
    expect(sam.admin.uz.nom).toBe('Samarqand viloyati hokimligi');
    expect(sam.admin.en).toBe('the Samarkand regional administration');
    expect(sam.enAdj).toBe('Samarkand regional');
    expect(sam.head.En).toBe('The governor of Samarkand region');
    const tash = region(REGIONS.find((r) => r.center === 'Ташкент')!);
    expect(tash.kind).toEqual({ uz: 'poytaxt', en: 'the capital' });
    expect(tash.admin.en).toBe('the Tashkent city administration');
    expect(tash.admin.uz.loc).toBe('Toshkent shahar hokimligida');
    expect(countryName('ОАЭ')).toEqual({ uz: 'BAA', en: 'the UAE' });
    expect(country(COUNTRIES.find((c) => c.name.nom === 'ОАЭ')!)).toMatchObject({ En: 'The UAE', adj: 'Emirati', capital: { en: 'Abu Dhabi' } });
    expect(city('Фергана').uz.dat).toBe('Fargʻonaga');
    expect(ECONOMY_MINISTRY_TR.en).toBe('the Ministry of Economy and Finance');
  });

  it('names the missing key', () => {
    expect(() => city('Атлантида')).toThrow('no city translation for «Атлантида»');
    expect(() => sector('space')).toThrow('no sector translation for «space»');
    expect(() => area('космоса')).toThrow('no cooperation area translation for «космоса»');
  });
});
