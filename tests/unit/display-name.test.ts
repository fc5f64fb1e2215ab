import { describe, expect, it } from 'vitest';
import { abbreviates, entryNames } from '../../glossary/display-name';

const tare = {
  term: 'Transarterial radioembolization',
  aliases: ['TARE', 'SIRT', 'selective internal radiation therapy', 'radioembolization'],
};
const icc = { term: 'Intrahepatic cholangiocarcinoma', aliases: ['ICC'] };

describe('entryNames', () => {
  it('names a hovered short form by the long form it abbreviates', () => {
    expect(entryNames(tare, 'SIRT')).toEqual({
      heading: 'Selective internal radiation therapy (SIRT)',
      alsoKnownAs: ['Transarterial radioembolization (TARE)', 'Radioembolization'],
    });
  });

  it('names a hovered long form with its short form', () => {
    expect(entryNames(tare, 'transarterial radioembolization').heading).toBe('Transarterial radioembolization (TARE)');
    expect(entryNames(icc, 'ICC')).toEqual({ heading: 'Intrahepatic cholangiocarcinoma (ICC)', alsoKnownAs: [] });
  });

  it('names an entry by its main term when no form is given', () => {
    expect(entryNames(tare).heading).toBe('Transarterial radioembolization (TARE)');
  });

  it('falls back to the main term, and lists a short form with no long form on its own', () => {
    expect(entryNames({ term: 'Nivolumab', aliases: [] })).toEqual({ heading: 'Nivolumab', alsoKnownAs: [] });
    expect(entryNames({ term: 'Programmed death 1', aliases: ['XYZ'] })).toEqual({ heading: 'Programmed death 1', alsoKnownAs: ['XYZ'] });
  });
});

describe('abbreviates', () => {
  it('follows the Schwartz–Hearst letter rule', () => {
    expect(abbreviates('ICC', 'intrahepatic cholangiocarcinoma')).toBe(true);
    expect(abbreviates('SIRT', 'selective internal radiation therapy')).toBe(true);
    expect(abbreviates('SIRT', 'transarterial radioembolization')).toBe(false);
    expect(abbreviates('TARE', 'transarterial radioembolization')).toBe(true);
    expect(abbreviates('ICC', 'cholangiocarcinoma')).toBe(false);
  });
});
