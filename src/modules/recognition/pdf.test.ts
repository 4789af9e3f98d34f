import { describe, expect, it } from 'vitest';
import { pdfPages } from '../../documents/readPdf.testutil.js';
import { categoryLabel, hoursText, placeOf, renderStatementPdf } from './pdf.js';

const office = { name: 'Büro', address: '', phone: '', email: '', website: '' };

describe('statement texts', () => {
  it('hours with one decimal in the reader’s notation', () => {
    expect(hoursText(1390, 'de')).toBe('23,2');
    expect(hoursText(1390, 'ar')).toBe('23.2');
    expect(hoursText(15000, 'en')).toBe('250');
    expect(hoursText(31200, 'de')).toBe('520');
  });
  it('the place is the town of the address, nothing without one', () => {
    expect(placeOf({ ...office, address: 'Musterweg 1, 30159 Hannover' })).toBe('Hannover');
    expect(placeOf({ ...office, address: 'Am Markt 2\n49074 Osnabrück' })).toBe('Osnabrück');
    expect(placeOf(office)).toBe('');
  });
  it('translates a default category the office kept, and keeps the office’s own names', () => {
    expect(categoryLabel('plenum', 'Plenum', 'en')).toBe('Plenum');
    expect(categoryLabel('public_talk', 'Öffentlichkeitsarbeit', 'en')).toBe('Public relations');
    expect(categoryLabel('deployment', null, 'de')).toBe('Einsätze (Begleitungen)');
    expect(categoryLabel('public_talk', 'Infostände', 'en')).toBe('Infostände');
    expect(categoryLabel('own_key', 'Eigenes', 'ar')).toBe('Eigenes');
  });
});

describe('the Arabic statement', () => {
  it('keeps the place and date line in reading order (the document’s direction, not the town’s first letter)', async () => {
    const bytes = await renderStatementPdf({
      office: { ...office, name: 'Koordinierungsstelle Hannover', address: 'Trammplatz 2\n30159 Hannover' },
      language: 'ar',
      guideName: 'فاطمة الحسيني',
      engagedSince: null,
      from: '2026-01-01',
      to: '2026-11-30',
      totalMinutes: 600,
      byCategory: [{ key: 'plenum', label: 'Plenum', minutes: 600 }],
      byField: [],
      courses: [],
      signedOn: '2026-12-03',
      coordinatorName: 'Mia Schmidt',
      createdAt: new Date('2026-12-03T10:00:00Z'),
    });
    // pdf.js gives the line's items left to right as drawn: read from the right, it says "Hannover، 03/12/2026".
    const drawn = (await pdfPages(bytes)).join(' ').replace(/[\s\u200e\u200f]/g, '');
    expect(drawn).toContain('2026/12/03،Hannover');
    expect(drawn).not.toContain('Hannover،03');
  });
});
