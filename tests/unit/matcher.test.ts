import { describe, it, expect } from 'vitest';
import { compileMatcher, compileSteps, isCaseSensitiveForm, type MatcherTerm, type TermMatch } from '../../glossary/matcher';
import { getCharTables, WORD } from '../../glossary/matcher/char-tables';
import type { GlossaryEntry } from '../../glossary/schema';

const GLOSSARY: MatcherTerm[] = [
  { id: 'sirt', term: 'selective internal radiation therapy', aliases: ['SIRT'] },
  { id: 'radiation-therapy', term: 'radiation therapy' },
  { id: 'bile-ducts', term: 'bile ducts' },
  { id: 'intrahepatic-bile-ducts', term: 'intrahepatic bile ducts' },
  { id: 'checkpoint-inhibitor', term: 'checkpoint inhibitor' },
  { id: 'pembrolizumab', term: 'pembrolizumab' },
  { id: 'tare', term: 'transarterial radioembolisation', aliases: ['TARE'] },
  { id: 'icc', term: 'intrahepatic cholangiocarcinoma', aliases: ['ICC'] },
  { id: 'immunotherapy', term: 'Immunotherapy' },
  { id: 'pd-1', term: 'PD-1' },
  { id: 'biopsy', term: 'biopsy' },
  { id: 'x-ray', term: 'X-ray' },
  { id: 'metastasis', term: 'metastasis' },
  { id: 'lymph-node', term: 'lymph node' },
];

const matcher = compileMatcher(GLOSSARY);

/** The matches as [entryId, matched text] pairs, after checking that every offset pair is sane. */
function found(text: string, m = matcher): [string, string][] {
  const matches = m.findAll(text);
  checkOffsets(text, matches);
  return matches.map((x) => [x.entryId, text.slice(x.start, x.end)]);
}

function checkOffsets(text: string, matches: readonly TermMatch[]): void {
  let last = 0;
  for (const x of matches) {
    expect(x.start).toBeGreaterThanOrEqual(last);
    expect(x.end).toBeGreaterThan(x.start);
    expect(x.end).toBeLessThanOrEqual(text.length);
    last = x.end;
  }
}

describe('compileMatcher', () => {
  it('accepts glossary entries as they are', () => {
    const entry: GlossaryEntry = {
      id: 'tare',
      term: 'Transarterial radioembolisation',
      aliases: ['TARE'],
      category: 'procedure',
      summary: 'A treatment.',
      quotes: ['TARE is a treatment.'],
      related: [],
    };
    const m = compileMatcher([entry]);
    expect(m.findAll('TARE and transarterial radioembolisation').map((x) => x.form)).toEqual([
      'TARE',
      'Transarterial radioembolisation',
    ]);
  });

  it("reports each match's entry by its index in the terms, so callers can count in arrays", () => {
    const text = 'SIRT, radiation therapy, bile ducts and selective internal radiation therapy';
    const matches = matcher.findAll(text);
    expect(matches.map((x) => GLOSSARY[x.entry]!.id)).toEqual(matches.map((x) => x.entryId));
    expect(new Set(matches.map((x) => x.entry)).size).toBe(3);
  });

  it('can be called again and again on one matcher', () => {
    const text = 'ICC, then TARE, then ICC again';
    const first = matcher.findAll(text);
    expect(matcher.findAll(text)).toEqual(first);
    expect(first).toHaveLength(3);
  });
});

describe('surface forms: plurals and possessives', () => {
  it('matches the plural of the last word of multi-word and single-word forms', () => {
    expect(found('Two checkpoint inhibitors and pembrolizumabs.')).toEqual([
      ['checkpoint-inhibitor', 'checkpoint inhibitors'],
      ['pembrolizumab', 'pembrolizumabs'],
    ]);
  });

  it('applies the English plural rules: consonant+y -> ies, -sis -> -ses, acronyms take a bare s', () => {
    expect(found('biopsies, radiation therapies, metastases, X-rays, ICCs, PD-1s')).toEqual([
      ['biopsy', 'biopsies'],
      ['radiation-therapy', 'radiation therapies'],
      ['metastasis', 'metastases'],
      ['x-ray', 'X-rays'],
      ['icc', 'ICCs'],
      ['pd-1', 'PD-1s'],
    ]);
  });

  it('adds es after s, x, z, ch and sh', () => {
    const m = compileMatcher([
      { id: 'virus', term: 'virus' },
      { id: 'box', term: 'box' },
      { id: 'quiz', term: 'quiz' },
      { id: 'patch', term: 'skin patch' },
      { id: 'rash', term: 'rash' },
    ]);
    expect(found('viruses boxes quizes skin patches rashes', m).map(([id]) => id)).toEqual([
      'virus',
      'box',
      'quiz',
      'patch',
      'rash',
    ]);
  });

  it('applies the plural rules to the last letters of a form, ASCII or not', () => {
    const m = compileMatcher([
      { id: 'psychosis', term: 'Psychosis' },
      { id: 'sandfly', term: 'sand fly' },
      { id: 'relay', term: 'relay' },
      { id: 'naevus', term: 'nævus' },
      { id: 'meniere', term: 'Ménière' },
      { id: 'cafe', term: 'café' },
      { id: 'crisis', term: 'CRISIS' },
      { id: 'y', term: 'Y' },
    ]);
    expect(found('psychoses, sand flies, relays, nævuses, Ménières, cafés, CRISISs, Ys', m)).toEqual([
      ['psychosis', 'psychoses'],
      ['sandfly', 'sand flies'],
      ['relay', 'relays'],
      ['naevus', 'nævuses'],
      ['meniere', 'Ménières'],
      ['cafe', 'cafés'],
      ['crisis', 'CRISISs'],
      ['y', 'Ys'],
    ]);
    expect(found('sand flys, relaies, nævuss, CRISES', m)).toEqual([]);
  });

  it("matches the possessives 's and ’s of the singular and ' and ’ of plurals ending in s", () => {
    expect(
      found("pembrolizumab’s effect, pembrolizumab's dose, checkpoint inhibitors’ targets, inhibitors' and TARE’s"),
    ).toEqual([
      ['pembrolizumab', 'pembrolizumab’s'],
      ['pembrolizumab', "pembrolizumab's"],
      ['checkpoint-inhibitor', 'checkpoint inhibitors’'],
      ['tare', 'TARE’s'],
    ]);
  });

  it('reports the canonical declared form, not the surface variant', () => {
    const [a, b] = matcher.findAll('Checkpoint-Inhibitors and the TAREs');
    expect(a?.form).toBe('checkpoint inhibitor');
    expect(b?.form).toBe('TARE');
  });

  it('counts the compiled surface forms, variants included', () => {
    // pembrolizumab, pembrolizumabs, pembrolizumab's, pembrolizumabs'
    expect(compileMatcher([{ id: 'p', term: 'pembrolizumab' }]).formCount).toBe(4);
    expect(compileMatcher([]).formCount).toBe(0);
  });

  it('folds the typographic apostrophe inside declared forms too', () => {
    const m = compileMatcher([{ id: 'crohn', term: 'Crohn’s disease' }]);
    expect(found("Crohn's disease and crohn’s disease", m)).toEqual([
      ['crohn', "Crohn's disease"],
      ['crohn', 'crohn’s disease'],
    ]);
  });
});

describe('separators in multi-word forms', () => {
  it.each([
    ['space', 'checkpoint inhibitor'],
    ['no-break space', 'checkpoint\u00a0inhibitor'],
    ['narrow no-break space', 'checkpoint\u202finhibitor'],
    ['tab', 'checkpoint\tinhibitor'],
    ['line feed', 'checkpoint\ninhibitor'],
    ['CRLF', 'checkpoint\r\ninhibitor'],
    ['hyphen-minus', 'checkpoint-inhibitor'],
    ['hyphen U+2010', 'checkpoint\u2010inhibitor'],
    ['non-breaking hyphen U+2011', 'checkpoint\u2011inhibitor'],
    ['run of spaces', 'checkpoint   inhibitors'],
    ['mixed run', 'checkpoint -\n inhibitors'],
  ])('matches across a %s', (_name, occurrence) => {
    const text = `Use of ${occurrence} here.`;
    expect(found(text)).toEqual([['checkpoint-inhibitor', occurrence]]);
  });

  it('does not treat en dashes or nothing as a separator', () => {
    expect(found('checkpoint–inhibitor checkpointinhibitor')).toEqual([]);
  });

  it('lets separators in a declared form match any separator in the text', () => {
    expect(found('PD 1 and PD\u20111 and PD-1')).toEqual([
      ['pd-1', 'PD 1'],
      ['pd-1', 'PD\u20111'],
      ['pd-1', 'PD-1'],
    ]);
  });
});

describe('leftmost-longest, non-overlapping', () => {
  it('prefers the longest form at the leftmost position', () => {
    expect(found('We used selective internal radiation therapy, not radiation therapy.')).toEqual([
      ['sirt', 'selective internal radiation therapy'],
      ['radiation-therapy', 'radiation therapy'],
    ]);
    expect(found('the intrahepatic bile ducts and the bile ducts')).toEqual([
      ['intrahepatic-bile-ducts', 'intrahepatic bile ducts'],
      ['bile-ducts', 'bile ducts'],
    ]);
  });

  it('falls back to a shorter form or a later start when the longer one does not complete', () => {
    expect(found('selective internal radiation treatment; internal radiation therapy')).toEqual([
      ['radiation-therapy', 'radiation therapy'],
    ]);
    const m = compileMatcher([
      { id: 'radiation', term: 'radiation' },
      { id: 'radiation-therapy', term: 'radiation therapy' },
    ]);
    expect(found('radiation therapyx', m)).toEqual([['radiation', 'radiation']]);
  });

  it('never overlaps: the leftmost match wins even over a longer one starting inside it', () => {
    const m = compileMatcher([
      { id: 'bile-duct', term: 'bile duct' },
      { id: 'duct-cancer', term: 'duct cancer of the liver' },
    ]);
    expect(found('bile duct cancer of the liver', m)).toEqual([['bile-duct', 'bile duct']]);
  });
});

describe('soft hyphens', () => {
  const m = compileMatcher([
    { id: 'immunotherapy', term: 'Immunotherapy' },
    { id: 'pembrolizumab', term: 'pembrolizumab' },
    { id: 'checkpoint-inhibitor', term: 'checkpoint inhibitor' },
    { id: 'tare', term: 'TARE' },
  ]);

  it('steps over soft hyphens anywhere inside a form, variants and acronyms included', () => {
    expect(found('immuno\u00adtherapy and i\u00admmunotherapy', m)).toEqual([
      ['immunotherapy', 'immuno\u00adtherapy'],
      ['immunotherapy', 'i\u00admmunotherapy'],
    ]);
    const text = 'pembro\u00ad\u00adlizumab\u00ads, check\u00adpoint in\u00adhibitors, TA\u00adRE and TARE\u00ads';
    expect(found(text, m)).toEqual([
      ['pembrolizumab', 'pembro\u00ad\u00adlizumab\u00ads'],
      ['checkpoint-inhibitor', 'check\u00adpoint in\u00adhibitors'],
      ['tare', 'TA\u00adRE'],
      ['tare', 'TARE\u00ads'],
    ]);
  });

  it('matches a form declared with a soft hyphen in it where the text has that one, and others', () => {
    // Copied from a hyphenated page. (Such a form makes the scanner walk from every word start: a
    // word's hash for the first-word check leaves soft hyphens out.)
    const withHyphen = compileMatcher([
      { id: 'immunotherapy', term: 'immuno\u00adtherapy' },
      { id: 'tare', term: 'TARE' },
    ]);
    expect(found('immuno\u00adthera\u00adpy, im\u00admuno\u00adtherapy and TA\u00adRE', withHyphen)).toEqual([
      ['immunotherapy', 'immuno\u00adthera\u00adpy'],
      ['immunotherapy', 'im\u00admuno\u00adtherapy'],
      ['tare', 'TA\u00adRE'],
    ]);
  });

  it('counts a soft hyphen before or after a form as part of the word', () => {
    expect(found('\u00adpembrolizumab, pembrolizumab\u00ad, immunotherap\u00ad', m)).toEqual([]);
  });
});

describe('word boundaries', () => {
  // (The last two: a word, then a letter outside the BMP that carries it on, then ICC.)
  it.each(['PICC', 'ICC1', 'ICCé', 'αICC', 'ICCα', 'жICC', 'ICCж', 'ICC\u0301', '1ICC', 'ICC\u{1d400}', '\u{1d400}ICC', 'T\u{1d400}ICC', 'bile\u{1d400}ICC'])(
    'does not match ICC inside %j',
    (text) => {
      expect(found(`x ${text} y`)).toEqual([]);
    },
  );

  it('does not match SIRT inside SIRT1', () => {
    expect(found('SIRT1 and SIRT2 are genes')).toEqual([]);
  });

  it.each([
    ['ICC—', 'ICC'],
    ['(TARE)', 'TARE'],
    ['TARE-based', 'TARE'],
    ['TARE.', 'TARE'],
    ['“ICC”', 'ICC'],
    ['😀ICC😀', 'ICC'],
    ['_ICC_', 'ICC'],
  ])('matches inside %j', (text, occurrence) => {
    const [m] = matcher.findAll(text);
    expect(m).toBeDefined();
    expect(text.slice(m!.start, m!.end)).toBe(occurrence);
  });

  it('matches at the very start and end of the text', () => {
    expect(found('ICC')).toEqual([['icc', 'ICC']]);
    expect(found('TARE and ICC')).toEqual([
      ['tare', 'TARE'],
      ['icc', 'ICC'],
    ]);
  });

  it('lets forms start with punctuation or with a letter outside the BMP', () => {
    const m = compileMatcher([
      { id: 'ketamine', term: '(R)-ketamine' },
      { id: 'bold', term: '\u{1d400}BC' },
    ]);
    expect(found('use (R)-ketamine, not x(R)-ketamine; \u{1d400}BC but not \u{1d401}\u{1d400}BC or \u{1d400}BX\u{1d400}BC', m)).toEqual([
      ['ketamine', '(R)-ketamine'],
      ['bold', '\u{1d400}BC'],
    ]);
  });

  it('gives up cleanly part-way through a long term', () => {
    expect(found('immunotherap immunotherapx immunotherapyx Immunotherapy')).toEqual([
      ['immunotherapy', 'Immunotherapy'],
    ]);
  });

  it('finds a term right after a failed attempt inside the same word', () => {
    expect(found('radiationtherapy radiation therapy pembrolizumabx pembrolizumab')).toEqual([
      ['radiation-therapy', 'radiation therapy'],
      ['pembrolizumab', 'pembrolizumab'],
    ]);
  });

  it('ignores a possessive that is glued to more letters but still takes the term', () => {
    expect(found("TARE'sx")).toEqual([['tare', 'TARE']]);
  });
});

describe('case', () => {
  it.each([
    ['TARE', true],
    ['ICC', true],
    ['SIRT', true],
    ['PD-1', true],
    ['B-12', true],
    ['5-FU', true],
    ['IL-6', true],
    ['mRNA', true],
    ['pH', true],
    ['B12', true],
    ['COVID-19', true],
    ['pembrolizumab', false],
    ['Immunotherapy', false],
    ['X-ray', false],
    ['T-cell', false],
    ['Non-Hodgkin', false],
    ['5-fluorouracil', false],
    ['checkpoint inhibitor', false],
    ['PD-1 inhibitor', false],
    ['Checkpoint Inhibitor', false],
    ['', false],
  ])('isCaseSensitiveForm(%j) is %s', (form, expected) => {
    expect(isCaseSensitiveForm(form)).toBe(expected);
  });

  it('matches acronyms only in their own case, plural included', () => {
    expect(found('TARE, TAREs, tare, Tare, tares, ICC, icc, Icc')).toEqual([
      ['tare', 'TARE'],
      ['tare', 'TAREs'],
      ['icc', 'ICC'],
    ]);
  });

  it('matches ordinary words and every multi-word form in any case', () => {
    expect(found('Checkpoint Inhibitors, CHECKPOINT INHIBITOR, PEMBROLIZUMAB, immunotherapy, IMMUNOTHERAPY')).toEqual([
      ['checkpoint-inhibitor', 'Checkpoint Inhibitors'],
      ['checkpoint-inhibitor', 'CHECKPOINT INHIBITOR'],
      ['pembrolizumab', 'PEMBROLIZUMAB'],
      ['immunotherapy', 'immunotherapy'],
      ['immunotherapy', 'IMMUNOTHERAPY'],
    ]);
  });

  it('lets the caller replace the case rule', () => {
    const loose = compileMatcher([{ id: 'tare', term: 'TARE' }], { caseSensitive: () => false });
    expect(found('tare Tare TARE', loose).map(([, s]) => s)).toEqual(['tare', 'Tare', 'TARE']);
    const strict = compileMatcher([{ id: 'p', term: 'Pembrolizumab' }], { caseSensitive: () => true });
    expect(found('pembrolizumab Pembrolizumab', strict).map(([, s]) => s)).toEqual(['Pembrolizumab']);
  });

  it('keeps exact offsets where toLowerCase would change the length of the text', () => {
    // 'İ'.toLowerCase() is two code units; 'ß' and 'ŉ' change length under toUpperCase.
    const prefix = 'İ'.repeat(97) + ' ß ŉ İstanbul ';
    const text = `${prefix}checkpoint inhibitor İ TARE İİ Immunotherapy`;
    const matches = matcher.findAll(text);
    expect(matches.map((m) => [m.entryId, m.start, text.slice(m.start, m.end)])).toEqual([
      ['checkpoint-inhibitor', prefix.length, 'checkpoint inhibitor'],
      ['tare', text.indexOf('TARE'), 'TARE'],
      ['immunotherapy', text.indexOf('Immunotherapy'), 'Immunotherapy'],
    ]);
  });

  it('folds each code unit without changing its length (ß, İ, final sigma)', () => {
    const m = compileMatcher([
      { id: 'strasse', term: 'straße' },
      { id: 'kolpos', term: 'κόλπος' },
      { id: 'istanbul', term: 'İstanbul' },
    ]);
    expect(found('STRAßE ΚΌΛΠΟΣ İSTANBUL istanbul', m)).toEqual([
      ['strasse', 'STRAßE'],
      ['kolpos', 'ΚΌΛΠΟΣ'],
      ['istanbul', 'İSTANBUL'],
    ]);
  });

  it('keeps exact offsets after surrogate pairs', () => {
    const text = '😀😀 𝐀𝐁 ICC 😀 checkpoint inhibitor';
    expect(found(text)).toEqual([
      ['icc', 'ICC'],
      ['checkpoint-inhibitor', 'checkpoint inhibitor'],
    ]);
  });
});

describe('folding and words', () => {
  it('never folds a letter, mark or digit into anything else, or anything else into one', () => {
    // The scanner checks a page's word against the keys' first words (first-words.ts): a word of
    // the text must end where the folded key's word ends, or a match would be missed.
    const { fold, charClass } = getCharTables();
    const changed: number[] = [];
    for (let c = 0; c < 65536; c++) if ((charClass[c]! & WORD) !== (charClass[fold[c]!]! & WORD)) changed.push(c);
    expect(changed).toEqual([]);
  });
});

describe('case-sensitive and case-insensitive forms that fold alike', () => {
  const entries: MatcherTerm[] = [
    { id: 'cat-scan', term: 'computed axial tomography', aliases: ['CAT'] },
    { id: 'cat', term: 'cat' },
  ];

  it.each([
    ['declared first', entries],
    ['declared second', [...entries].reverse()],
  ])('prefers the exact acronym, else the word (acronym %s)', (_name, terms) => {
    const m = compileMatcher(terms);
    expect(found('CAT, cat, Cat, CATs, cats, CAT’s', m)).toEqual([
      ['cat-scan', 'CAT'],
      ['cat', 'cat'],
      ['cat', 'Cat'],
      ['cat-scan', 'CATs'],
      ['cat', 'cats'],
      ['cat-scan', 'CAT’s'],
    ]);
  });
});

describe('duplicate forms', () => {
  it('gives a form declared by two entries to the first entry', () => {
    const m = compileMatcher([
      { id: 'first', term: 'stent' },
      { id: 'second', term: 'Stent', aliases: ['ICC'] },
      { id: 'third', term: 'ICC' },
    ]);
    expect(found('stent STENTS ICC', m).map(([id]) => id)).toEqual(['first', 'first', 'second']);
  });

  it('lets a declared form win over a generated variant of an earlier entry', () => {
    const m = compileMatcher([
      { id: 'bus', term: 'bus' },
      { id: 'buses', term: 'buses' },
    ]);
    expect(found('bus buses', m).map(([id]) => id)).toEqual(['bus', 'buses']);
  });
});

describe('empty and padded forms', () => {
  it('trims forms and ignores empty or separator-only ones', () => {
    const m = compileMatcher([
      { id: 'blank', term: '   ', aliases: ['', ' - ', '\u00a0\n'] },
      { id: 'tare', term: '  TARE\t', aliases: [' checkpoint inhibitor - '] },
    ]);
    // TARE, TAREs, TARE's, TAREs' and the same four for 'checkpoint inhibitor'; nothing for the blanks.
    expect(m.formCount).toBe(8);
    const matches = m.findAll('TARE and checkpoint inhibitor');
    expect(matches.map((x) => x.form)).toEqual(['TARE', 'checkpoint inhibitor']);
    expect(compileMatcher([{ id: 'blank', term: ' ' }]).findAll('   ')).toEqual([]);
  });

  it('handles empty text', () => {
    expect(matcher.findAll('')).toEqual([]);
  });
});

describe('a 10,000-entry glossary', () => {
  // Terms and filler are built from disjoint letters so that the expected matches are known exactly:
  // terms use the consonants below (no s, y, h, j, w, q, z), filler words use h, j and w.
  const CONSONANTS = 'bdfgklmnprtv';
  const VOWELS = 'aeiou';
  const ACRONYM_LETTERS = 'BDFGKLMNPRTV';

  function prng(seed: number): () => number {
    // mulberry32
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  const random = prng(20240611);
  const pick = <T>(items: ArrayLike<T>): T => items[Math.floor(random() * items.length)]!;
  const syllable = () => pick(CONSONANTS) + pick(VOWELS);
  const word = (syllables: number) => Array.from({ length: syllables }, syllable).join('');

  // Single words have 3 or 4 syllables and words of multi-word terms exactly 2, so no word of a
  // multi-word term is ever a term on its own.
  const terms: MatcherTerm[] = [];
  const known = new Set<string>();
  while (terms.length < 10_000) {
    const r = random();
    const term =
      r < 0.05
        ? Array.from({ length: 3 + Math.floor(random() * 2) }, () => pick(ACRONYM_LETTERS)).join('')
        : r < 0.45
          ? word(3 + Math.floor(random() * 2))
          : Array.from({ length: 2 + Math.floor(random() * 2) }, () => word(2)).join(' ');
    if (known.has(term)) continue;
    known.add(term);
    terms.push({ id: `t-${terms.length}`, term });
  }

  /** Whether some run of whole words of `phrase` is a term: such a near-miss would really match. */
  const containsTerm = (phrase: string) => {
    const words = phrase.split(' ');
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j <= words.length; j++) if (known.has(words.slice(i, j).join(' '))) return true;
    }
    return false;
  };

  const filler = () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick('hjw') + pick(VOWELS)).join('');
  const SEPARATORS = [' ', '-', '\u00a0', '\n', '  ', '\u2011', '\r\n'];

  function nearMiss(): string {
    for (;;) {
      const { term } = pick(terms);
      const isAcronym = /^[A-Z]+$/.test(term);
      const kind = Math.floor(random() * 6);
      const candidate =
        kind === 0
          ? term.slice(0, -1) // a prefix: ends in a consonant, which no term does
          : kind === 1
            ? `${term}q` // glued to a letter
            : kind === 2
              ? `z${term}`
              : kind === 3
                ? `${term}${pick(['1', 'α', 'ж', '\u0301', 'é', '\u{1d400}'])}`
                : kind === 4
                  ? isAcronym
                    ? term.toLowerCase() // wrong case for an acronym
                    : `${term.slice(0, -1)}w`
                  : `${pick(['\u{1d400}', 'ß', 'α'])}${term}`;
      if (!containsTerm(candidate)) return candidate;
    }
  }

  interface Expected {
    entryId: string;
    entry: number;
    start: number;
    end: number;
    form: string;
  }

  function buildText(): { text: string; expected: Expected[] } {
    const parts: string[] = [];
    const expected: Expected[] = [];
    let length = 0;
    const add = (s: string) => {
      parts.push(s);
      length += s.length;
    };
    // One occurrence about every 1,000 characters: ~200 in all, spread over the whole text.
    let nextAt = 0;
    while (length < 200_000) {
      add(filler());
      add(pick([' ', ', ', '. ', ' (', ') ', '\n']));
      if (random() < 0.5) {
        add(nearMiss());
        add(' ');
        continue;
      }
      if (length < nextAt) continue;
      nextAt += 1000;
      const entry = Math.floor(random() * terms.length);
      const { id, term } = terms[entry]!;
      const isAcronym = /^[A-Z]+$/.test(term);
      let occurrence = term.split(' ').join(pick(SEPARATORS));
      if (!isAcronym && random() < 0.3) occurrence = occurrence.toUpperCase();
      occurrence += pick(['', '', 's', '’s', "'s"]);
      expected.push({ entryId: id, entry, start: length, end: length + occurrence.length, form: term });
      add(occurrence);
      add(pick([' ', '. ', ', ', ') ', '— ']));
    }
    return { text: parts.join(''), expected };
  }

  it('finds exactly the embedded occurrences among near-misses', () => {
    const m = compileMatcher(terms);
    // Four surface forms per term (form, plural, two possessives); no two terms collide.
    expect(m.formCount).toBe(40_000);
    const { text, expected } = buildText();
    expect(text.length).toBeGreaterThanOrEqual(200_000);
    expect(expected.length).toBeGreaterThanOrEqual(150);
    const matches = m.findAll(text);
    expect(matches).toEqual(expected);
    for (const x of matches) {
      expect(text.slice(x.start, x.end).toLowerCase().replace(/[^a-z]/g, '')).toContain(
        x.form.toLowerCase().replace(/[^a-z]/g, ''),
      );
    }
  });

  it('compiles in steps that a caller can pause between, to the same matcher', () => {
    // The content script lets the page run between steps: 10,000 entries are 40,000 forms and
    // ~100,000 trie nodes, so the steps must come every few thousand of them, not once per phase.
    const steps = compileSteps(terms);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBeGreaterThan(30);
    const { text, expected } = buildText();
    expect(step.value.formCount).toBe(40_000);
    expect(step.value.findAll(text)).toEqual(expected);
  });

  it('pauses while declaring the forms too, before the trie is built', () => {
    // Declaring (trimming every form, deciding which are case-sensitive) is itself several ms for
    // 10,000 entries: the first pause comes after the first slice of entries, not after all of them.
    let decided = 0;
    const steps = compileSteps(terms, { caseSensitive: (form) => (decided++, isCaseSensitiveForm(form)) });
    expect(steps.next().done).toBe(false);
    expect(decided).toBeGreaterThan(0);
    expect(decided).toBeLessThan(terms.length / 2);
  });
});
