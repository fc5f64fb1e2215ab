import { describe, it, expect } from 'vitest';
import { extractAbbreviations, MAX_TEXT_LENGTH } from '../../glossary/extract';
import type { AbbreviationPair } from '../../glossary/extract';

/** "SF | long form" for each pair, after checking that the offsets point at exactly those strings. */
function defined(text: string): string[] {
  const pairs = extractAbbreviations(text);
  for (const pair of pairs) expectExactOffsets(text, pair);
  return pairs.map((p) => `${p.short} | ${p.long}`);
}

function expectExactOffsets(text: string, pair: AbbreviationPair): void {
  expect(text.slice(pair.shortStart, pair.shortEnd)).toBe(pair.short);
  if (!pair.longParts) {
    expect(text.slice(pair.longStart, pair.longEnd)).toBe(pair.long);
    return;
  }
  // A long form written in pieces (coordinated modifiers sharing a head): the pieces, joined, are the long form.
  const pieces = pair.longParts.map((part) => text.slice(part.start, part.end));
  expect(pieces.reduce((joined, piece) => (joined.endsWith('-') ? joined + piece : `${joined} ${piece}`))).toBe(pair.long);
  expect(pair.longStart).toBe(pair.longParts[0]?.start);
  expect(pair.longEnd).toBe(pair.longParts[pair.longParts.length - 1]?.end);
}

describe('extractAbbreviations: the two directions', () => {
  it('finds "long form (SF)"', () => {
    expect(defined('Intrahepatic cholangiocarcinoma (ICC) is a rare cancer.')).toEqual([
      'ICC | Intrahepatic cholangiocarcinoma',
    ]);
  });

  it('finds "SF (long form)"', () => {
    expect(defined('Cytokines such as IL (interleukin) 1alpha were measured.')).toEqual(['IL | interleukin']);
    expect(defined('cells were infected at 4x M.O.I. (multiplicity of infection).')).toEqual([
      'M.O.I. | multiplicity of infection',
    ]);
  });

  it('finds "(long form, SF)"', () => {
    expect(defined('the endothelium of vessels (blood-brain barrier, BBB), and the choroid plexus')).toEqual([
      'BBB | blood-brain barrier',
    ]);
  });

  it('leaves leading context out of the long form', () => {
    expect(defined('We studied the effect of tumor necrosis factor (TNF) on cells.')).toEqual([
      'TNF | tumor necrosis factor',
    ]);
    expect(defined('in a mouse model of multiple sclerosis (MS), we found')).toEqual(['MS | multiple sclerosis']);
  });

  it('reports offsets that slice back to the exact strings', () => {
    const text = 'Patients with  chronic kidney disease (CKD)\nand acute kidney injury [AKI] were seen.';
    const pairs = extractAbbreviations(text);
    expect(pairs).toEqual([
      { short: 'CKD', long: 'chronic kidney disease', shortStart: 39, shortEnd: 42, longStart: 15, longEnd: 37 },
      { short: 'AKI', long: 'acute kidney injury', shortStart: 69, shortEnd: 72, longStart: 48, longEnd: 67 },
    ]);
    for (const pair of pairs) expectExactOffsets(text, pair);
  });

  it('counts offsets in UTF-16 units, as String.prototype.slice does', () => {
    const text = '😀 Tumour necrosis factor α (TNF-α) rose.';
    const [pair] = extractAbbreviations(text);
    expect(pair?.longStart).toBe(3);
    expect(pair && text.slice(pair.longStart, pair.longEnd)).toBe('Tumour necrosis factor α');
  });
});

describe('extractAbbreviations: the shapes of short and long forms', () => {
  it('handles nested parentheses in the short form and in the long form', () => {
    expect(defined('the selectin ligand sialyl Lewis X (sLe(X), CD15s) was used')).toEqual(['sLe(X) | sialyl Lewis X']);
    expect(defined('addition of prostaglandin E(2) (PGE(2)) could not counteract')).toEqual([
      'PGE(2) | prostaglandin E(2)',
    ]);
    expect(defined('the tidal volume (V(T)) fell')).toEqual(['V(T) | tidal volume']);
  });

  it('handles hyphens, and starts after a prefix the short form does not spell', () => {
    expect(defined('by reverse transcription-polymerase chain reaction (RT-PCR).')).toEqual([
      'RT-PCR | reverse transcription-polymerase chain reaction',
    ]);
    expect(defined('Twenty men [13 anti-human immunodeficiency virus (HIV)-positive] were')).toEqual([
      'HIV | human immunodeficiency virus',
    ]);
    expect(defined('a 2,3-diaminonaphthalene (DAN) derivative')).toEqual(['DAN | 2,3-diaminonaphthalene']);
  });

  it('handles digits, including numbers written as words and atom counts', () => {
    expect(defined('levels of interleukin-6 (IL-6) rose')).toEqual(['IL-6 | interleukin-6']);
    expect(defined('release of 5-hydroxytryptamine (5HT) was')).toEqual(['5HT | 5-hydroxytryptamine']);
    expect(defined('the envelope of two-dimensional (2D) ion trajectories')).toEqual(['2D | two-dimensional']);
    expect(defined('halothane plus nitrous oxide (N2O), rats were')).toEqual(['N2O | nitrous oxide']);
  });

  it('handles Greek letters written as letters or spelled out', () => {
    expect(defined('transforming growth factor beta (TGF-β) signalling')).toEqual([
      'TGF-β | transforming growth factor beta',
    ]);
    expect(defined('transforming growth factor-β (TGF-beta) signalling')).toEqual([
      'TGF-beta | transforming growth factor-β',
    ]);
    expect(defined('two cytokines, gamma-interferon (IFN-gamma), which')).toEqual(['IFN-gamma | gamma-interferon']);
  });

  it('handles plural short forms', () => {
    expect(defined('Patients with intrahepatic cholangiocarcinomas (ICCs) were included.')).toEqual([
      'ICCs | intrahepatic cholangiocarcinomas',
    ]);
    expect(defined('in young spontaneously hypertensive rats (SHRs) with diabetes')).toEqual([
      'SHRs | spontaneously hypertensive rats',
    ]);
  });

  it('reads "(SF; remark)", "(SF, remark)" and "(remark; SF)"', () => {
    expect(defined('unstable coronary artery disease (CAD; unstable angina or infarction) was')).toEqual([
      'CAD | coronary artery disease',
    ]);
    expect(defined('in the presence of 30 microM of Diltiazem (DILT, n = 6), or')).toEqual(['DILT | Diltiazem']);
    expect(defined('erythrocyte glutathione peroxidase (EC 1.11.1.9; GPx) and')).toEqual(['GPx | glutathione peroxidase']);
  });

  it('reads square brackets and quoted long forms', () => {
    expect(defined('at 60 days (P < .002; odds ratio [OR] 3.67)')).toEqual(['OR | odds ratio']);
    expect(defined('In this work an "astigmatic intensity equation" (AIE) is considered')).toEqual([
      'AIE | astigmatic intensity equation',
    ]);
  });

  it('reads "also known as", in both directions', () => {
    expect(defined('We used selective internal radiation therapy, also known as SIRT, in 20 patients.')).toEqual([
      'SIRT | selective internal radiation therapy',
    ]);
    expect(defined('SIRT, also known as selective internal radiation therapy, was used.')).toEqual([
      'SIRT | selective internal radiation therapy',
    ]);
    expect(defined('Transarterial Radioembolization (TARE), also known as selective internal radiation therapy (SIRT), has emerged.')).toEqual([
      'TARE | Transarterial Radioembolization',
      'SIRT | selective internal radiation therapy',
    ]);
  });

  it('reads "hereafter"', () => {
    expect(defined('the Medical Outcomes Study (hereafter MOS) and')).toEqual(['MOS | Medical Outcomes Study']);
    expect(defined('the Medical Outcomes Study (hereafter "MOS") and')).toEqual(['MOS | Medical Outcomes Study']);
    expect(defined('the Medical Outcomes Study, hereafter MOS, was')).toEqual(['MOS | Medical Outcomes Study']);
  });

  it('reads signs as "positive" and "negative"', () => {
    expect(defined('END phenomenon positive (END+) and END phenomenon negative (END-) viruses')).toEqual([
      'END+ | END phenomenon positive',
      'END- | END phenomenon negative',
    ]);
  });

  it('accepts an acronym whose letters are the initials in another order', () => {
    expect(defined('in congenitally affected infants. Myotonic dystrophy (DM) is')).toEqual(['DM | Myotonic dystrophy']);
  });

  it('reads quantity symbols: the subscript is spelled first, the quantity named last', () => {
    expect(defined('We recorded the short-circuit current (Isc) and the fast K+ current (IK).')).toEqual([
      'Isc | short-circuit current',
      'IK | K+ current',
    ]);
    expect(defined('Mean apical resistance (Ra) fell.')).toEqual(['Ra | apical resistance']);
    // One subscript letter names one word: "membrane" would be left unspelled.
    expect(defined('Mean apical membrane resistance (Ra) fell.')).toEqual(['Ra | resistance']);
    expect(defined('the binding rate (k(b)) was high')).toEqual(['k(b) | binding rate']);
    // The last word must name the quantity the symbol stands for.
    expect(defined('the total current (Rt) was high')).toEqual([]);
  });

  it('reads compartment subscripts of pH and concentrations', () => {
    expect(defined('We measured intracellular pH (pHi) and extracellular Na+ concentration ([Na+]o).')).toEqual([
      'pHi | intracellular pH',
      '[Na+]o | extracellular Na+ concentration',
    ]);
  });

  it('accepts a short form whose parts the words give in another order, when every word is spelled', () => {
    expect(defined('the vascular adhesion molecule V2 (V2AM) was cloned')).toEqual(['V2AM | vascular adhesion molecule V2']);
    expect(defined('levels of guanosine 3\',5\'-cyclic monophosphate (cGMP) rose')).toEqual([
      "cGMP | guanosine 3',5'-cyclic monophosphate",
    ]);
    // A moved letter found inside a word is chance: "basement membrane nephropathy (TBMN)".
    expect(defined('the basement membrane nephropathy (TBMN) was rare')).toEqual([]);
  });

  it('reads chemical groups and dotted rates, and British "oe"/"ae" spellings', () => {
    expect(defined('free sulfhydryl residues (-SH) were counted')).toEqual(['-SH | sulfhydryl residues']);
    expect(defined('Alveolar ventilation (.V(A)) rose.')).toEqual(['.V(A) | Alveolar ventilation']);
    expect(defined('Patients with oedema (E) and without were compared; aetiology (AE) was unknown.')).toEqual([
      'E | oedema',
      'AE | aetiology',
    ]);
  });

  it('reaches across a comma when every item is spelled and one head noun follows', () => {
    expect(defined('Type-A, type-B lesions (TATB) were scored.')).toEqual(['TATB | Type-A, type-B lesions']);
  });

  it('joins coordinated modifiers to the head noun they share', () => {
    expect(defined('Leaves were imaged by optical (OCM) and fluorescence (FCM) confocal microscopy.')).toEqual([
      'OCM | optical confocal microscopy',
      'FCM | fluorescence confocal microscopy',
    ]);
    expect(defined('Plasma esters (monoethyl-[MEA], dipropyl-[DPA] and di-n-hexyl [DnHA] adipate) were assayed.')).toEqual([
      'MEA | monoethyl-adipate',
      'DPA | dipropyl-adipate',
      'DnHA | di-n-hexyl adipate',
    ]);
    // Each bracket spells its own word: no shared head, ordinary definitions.
    expect(defined('Serum tumour necrosis factor (TNF) and interleukin (IL) levels rose.')).toEqual([
      'TNF | tumour necrosis factor',
      'IL | interleukin',
    ]);
    expect(defined('the left ventricle (LV) and right ventricle (RV) walls')).toEqual([
      'LV | left ventricle',
      'RV | right ventricle',
    ]);
  });

  it('accepts one letter only for one word', () => {
    expect(defined('a significant amount of phosphorus (P) that exists')).toEqual(['P | phosphorus']);
    expect(defined('respiratory quotient (R) and heart rate')).toEqual([]);
  });
});

describe('extractAbbreviations: what is not a definition', () => {
  it.each([
    'The difference was significant (p < 0.05) in all groups.',
    'As shown in the figure (Fig. 2), levels rose.',
    'Twelve patients (n = 12) were treated.',
    'A recent study (2019) found no effect.',
    'This was discussed earlier (see above) in detail.',
    'Results are listed in the table (Table 3) below.',
    'The signal(s) responsible remained unknown.',
    'Effective couplings J(eff) were computed.',
    'the level of phosphorylated kinases (ERK)1/2 increased',
    'We considered trials (that is, randomised ones) only.',
    'Calcium entry [Ca2+] rose in cells.',
    'Groups were: internal carotid artery (A), cerebral artery (B), carotis stenosis (C).',
    'the release of GM1 ganglioside (GM1) by cells',
    'the 1-D polymer (2a) and the sandwich (2b) complexes',
  ])('rejects %j', (text) => {
    expect(defined(text)).toEqual([]);
  });

  it('does not let a long form reach back across another bracket or a verb', () => {
    expect(defined('Ventilation (VE) and tidal volume (VT) were decreased')).toEqual([
      'VE | Ventilation',
      'VT | tidal volume',
    ]);
    expect(defined('Finger arterial pressure was monitored continuously (Finapres).')).toEqual([]);
  });
});

describe('extractAbbreviations: hostile and huge input', () => {
  it('returns nothing for 200 KB of opening parentheses', () => {
    expect(extractAbbreviations('('.repeat(200_000))).toEqual([]);
  });

  it('returns nothing for 200 KB of unclosed "a (b (c" nesting', () => {
    expect(extractAbbreviations('a (b (c '.repeat(25_000))).toEqual([]);
  });

  it('returns nothing for deep balanced nesting', () => {
    expect(extractAbbreviations(`${'('.repeat(100_000)}x${')'.repeat(100_000)}`)).toEqual([]);
  });

  it('returns sensible pairs for 200 KB of repeated definitions', () => {
    const text = 'tumor necrosis factor (TNF) '.repeat(7_000);
    const pairs = extractAbbreviations(text);
    expect(pairs.length).toBe(7_000);
    expect(new Set(pairs.map((p) => `${p.short}|${p.long}`))).toEqual(new Set(['TNF|tumor necrosis factor']));
  });

  it('handles a long run of markers and of bracket soup', () => {
    expect(extractAbbreviations('x, also known as '.repeat(12_000))).toEqual([]);
    expect(extractAbbreviations('[(])'.repeat(50_000))).toEqual([]);
    expect(extractAbbreviations(`${'a'.repeat(200_000)} (ABC)`)).toEqual([]);
  });

  it(`searches only the first ${MAX_TEXT_LENGTH} characters`, () => {
    const filler = 'x '.repeat(MAX_TEXT_LENGTH / 2);
    expect(defined(`tumor necrosis factor (TNF) ${filler}`)).toEqual(['TNF | tumor necrosis factor']);
    expect(defined(`${filler}tumor necrosis factor (TNF)`)).toEqual([]);
  });
});
