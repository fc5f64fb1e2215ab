import { describe, expect, it } from 'vitest';
import { builtinGlossary } from '../../glossary';
import { createGlossarySearch } from '../../glossary/search';

const search = createGlossarySearch(builtinGlossary.entries);
const first = (query: string) => search.search(query)[0];

describe('glossary search', () => {
  it('finds an entry by any of its names, best match first', () => {
    expect(first('SIRT')).toBe('transarterial-radioembolization');
    expect(first('sirt')).toBe('transarterial-radioembolization');
    expect(first('ICC')).toBe('intrahepatic-cholangiocarcinoma');
    expect(first('checkpoint')).toBe('checkpoint-inhibitor');
  });

  it('matches prefixes as the reader types', () => {
    expect(first('pembro')).toBe('pembrolizumab');
    expect(first('radioemb')).toBe('transarterial-radioembolization');
  });

  it('tolerates small typos and ignores accents and case', () => {
    expect(first('pembrolizumap')).toBe('pembrolizumab');
    expect(first('jaundise')).toBe('jaundice');
    expect(first('NIVOLUMÁB')).toBe('nivolumab');
  });

  it('searches summaries too, ranking names above mentions', () => {
    const results = search.search('microspheres');
    expect(results[0]).toBe('radioactive-microsphere');
    expect(results).toContain('transarterial-radioembolization');
  });

  it('gives nothing for an empty query or one that matches nothing', () => {
    expect(search.search('   ')).toEqual([]);
    expect(search.search('zzzzqqq')).toEqual([]);
  });
});
