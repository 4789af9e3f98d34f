import { describe, expect, it } from 'vitest';
import { categoryLabel, hoursText, placeOf } from './pdf.js';

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
