import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHighlighter, watchMutations, type MatcherTerm } from '../../glossary';
import { holdReports, observed, releaseReports, setInView } from './setup/intersection-observer';

const terms: MatcherTerm[] = [
  { id: 'icc', term: 'Intrahepatic cholangiocarcinoma', aliases: ['ICC'] },
  { id: 'tare', term: 'Transarterial radioembolization', aliases: ['TARE', 'SIRT', 'selective internal radiation therapy'] },
  { id: 'radiation-therapy', term: 'radiation therapy' },
  { id: 'checkpoint-inhibitor', term: 'checkpoint inhibitor' },
  { id: 'pembrolizumab', term: 'pembrolizumab' },
  { id: 'chemotherapy', term: 'chemotherapy' },
  { id: 'bile-duct', term: 'bile duct' },
];

/** The painted text of every range, in the order the registry holds them. */
function painted(name = 'glossary-underline'): string[] {
  const highlight = CSS.highlights.get(name) as unknown as Set<StaticRange> | undefined;
  return [...(highlight ?? [])].map((range) => {
    const dom = document.createRange();
    dom.setStart(range.startContainer, range.startOffset);
    dom.setEnd(range.endContainer, range.endOffset);
    return dom.toString();
  });
}

/** Lets every queued promise reaction run, but no task. */
async function microtasks(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

beforeEach(() => {
  releaseReports();
  CSS.highlights.clear();
  document.body.innerHTML = '';
});

describe('createHighlighter', () => {
  it('paints each occurrence as one range, also across inline elements, and reports counts', async () => {
    document.body.innerHTML = `
      <p><a>intrahepatic</a> <a>cholangiocarcinoma</a> (ICC) is treated with TARE.</p>
      <p>Some use checkpoint <b>inhibitors</b> such as pembrolizumab; ICC again.</p>`;
    const result = await createHighlighter(terms).run(document.body);
    expect(painted()).toEqual([
      'intrahepatic cholangiocarcinoma', 'ICC', 'TARE', 'checkpoint inhibitors', 'pembrolizumab', 'ICC',
    ]);
    expect(result).toEqual({ matches: 6, counts: { icc: 3, tare: 1, 'checkpoint-inhibitor': 1, pembrolizumab: 1 } });
  });

  it('compiles a large glossary in slices that let the page run, and runs once it is compiled', async () => {
    document.body.innerHTML = '<p>Intrahepatic cholangiocarcinoma (ICC) is treated with chemotherapy or term 2999.</p>';
    const large = [...terms, ...Array.from({ length: 3000 }, (_, i) => ({ id: `synthetic-${i}`, term: `term ${i}` }))];
    // Count the times the engine gives the page the main thread (scheduler.yield is how it does).
    const global = globalThis as { scheduler?: unknown };
    const scheduler = global.scheduler;
    let yields = 0;
    global.scheduler = { yield: () => (yields++, new Promise<void>((resolve) => setTimeout(resolve, 0))) };
    try {
      // A zero budget: every step of the compile is a slice of its own.
      const highlighter = createHighlighter(large, { sliceMs: 0 });
      let compiled = false;
      void highlighter.ready.then(() => (compiled = true));
      const result = await highlighter.run(document.body);
      expect(compiled).toBe(true);
      expect(yields).toBeGreaterThan(3);
      expect(painted()).toEqual(['Intrahepatic cholangiocarcinoma', 'ICC', 'chemotherapy', 'term 2999']);
      expect(result.counts).toEqual({ icc: 2, chemotherapy: 1, 'synthetic-2999': 1 });
    } finally {
      global.scheduler = scheduler;
    }
  });

  it('compiles a small glossary before createHighlighter returns', async () => {
    let compiled = false;
    const highlighter = createHighlighter(terms);
    void highlighter.ready.then(() => (compiled = true));
    await Promise.resolve();
    expect(compiled).toBe(true);
  });

  it('prefers the longest term and never joins separate blocks', async () => {
    document.body.innerHTML = '<p>selective internal radiation therapy</p><div>bile</div><div>duct</div>';
    await createHighlighter(terms).run(document.body);
    expect(painted()).toEqual(['selective internal radiation therapy']);
  });

  it('finds where each node of a split range starts and ends', async () => {
    document.body.innerHTML = '<p>see checkpoint <b>inhibitors</b>.</p>';
    const highlighter = createHighlighter(terms);
    await highlighter.run(document.body);
    const [occurrence] = highlighter.occurrences();
    const bold = document.querySelector('b')!.firstChild as Text;
    expect(occurrence!.range.startOffset).toBe(4);
    expect(occurrence!.range.endContainer).toBe(bold);
    expect(occurrence!.range.endOffset).toBe('inhibitors'.length);
    expect(highlighter.occurrencesIn(bold)).toEqual([occurrence]);
  });

  it('leaves the DOM exactly as it was', async () => {
    document.body.innerHTML = '<p>TARE and <i>chemotherapy</i> for ICC, bile duct cancer.</p><pre>ICC</pre>';
    const before = document.body.innerHTML;
    await createHighlighter(terms).run(document.body);
    expect(document.body.innerHTML).toBe(before);
  });

  it('orders occurrences in open shadow roots where their host stands, as every browser must', async () => {
    // compareDocumentPosition leaves the order of a shadow tree's nodes and the document's to the
    // browser (Firefox puts shadow content first): order and "first occurrence" must not depend on it.
    document.body.innerHTML = '<p>chemotherapy before</p><div id="host"><p>pembrolizumab light</p></div><p>pembrolizumab after, TARE</p>';
    const host = document.getElementById('host')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>ICC and chemotherapy in <b>shadow</b>, <span>TARE</span></p><slot></slot>';
    const highlighter = createHighlighter(terms);
    await highlighter.run(document.body);
    const order = () =>
      highlighter.occurrences().map((occurrence) => `${occurrence.range.startContainer.textContent!.slice(occurrence.range.startOffset, occurrence.range.endOffset)}@${occurrence.range.startContainer.getRootNode() === document ? 'doc' : 'shadow'}`);
    expect(order()).toEqual(['chemotherapy@doc', 'ICC@shadow', 'chemotherapy@shadow', 'TARE@shadow', 'pembrolizumab@doc', 'pembrolizumab@doc', 'TARE@doc']);
    highlighter.configure({ firstOccurrenceOnly: true });
    expect(order()).toEqual(['chemotherapy@doc', 'ICC@shadow', 'TARE@shadow', 'pembrolizumab@doc']);
  });

  it('highlights only the first occurrence of each entry when asked, and switches back live', async () => {
    document.body.innerHTML = '<p>chemotherapy, chemotherapy</p><p>pembrolizumab and chemotherapy</p>';
    const highlighter = createHighlighter(terms, { firstOccurrenceOnly: true });
    const result = await highlighter.run(document.body);
    expect(result.counts).toEqual({ chemotherapy: 1, pembrolizumab: 1 });
    highlighter.configure({ firstOccurrenceOnly: false });
    expect(highlighter.result().counts).toEqual({ chemotherapy: 3, pembrolizumab: 1 });
  });

  it('hides and shows entries live (categories or glossaries turned off)', async () => {
    document.body.innerHTML = '<p>pembrolizumab and chemotherapy</p>';
    const highlighter = createHighlighter(terms, { hiddenEntryIds: new Set(['chemotherapy']) });
    await highlighter.run(document.body);
    expect(painted()).toEqual(['pembrolizumab']);
    highlighter.configure({ hiddenEntryIds: new Set() });
    expect(painted()).toEqual(['pembrolizumab', 'chemotherapy']);
  });

  it('moves its ranges to another highlight name when the style changes', async () => {
    document.body.innerHTML = '<p>pembrolizumab</p>';
    const highlighter = createHighlighter(terms);
    await highlighter.run(document.body);
    highlighter.configure({ highlightName: 'glossary-background' });
    expect(CSS.highlights.has('glossary-underline')).toBe(false);
    expect(painted('glossary-background')).toEqual(['pembrolizumab']);
  });

  it('clear() removes every highlight it made', async () => {
    document.body.innerHTML = '<p>pembrolizumab and TARE for ICC</p>';
    const highlighter = createHighlighter(terms);
    await highlighter.run(document.body);
    highlighter.clear();
    expect(CSS.highlights.size).toBe(0);
    expect(highlighter.result()).toEqual({ matches: 0, counts: {} });
  });

  it('reads and paints the part in view first, then the rest, each occurrence once', async () => {
    document.body.innerHTML = `<p>chemotherapy at the top</p><section id="view"><p>pembrolizumab in view</p><div><p>TARE for ICC</p></div></section><p>bile duct below</p>`;
    const highlighter = createHighlighter(terms);
    const result = await highlighter.run(document.body, { first: document.getElementById('view') });
    // The registry keeps insertion order: the part in view went in first.
    expect(painted()).toEqual(['pembrolizumab', 'TARE', 'ICC', 'chemotherapy', 'bile duct']);
    expect(result.matches).toBe(5);
  });

  it('yields to the page between slices and still finds everything on a large page', async () => {
    document.body.innerHTML = Array.from({ length: 3000 }, (_, i) => `<p>Paragraph ${i}: chemotherapy and <b>pembrolizumab</b>.</p>`).join('');
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    const result = await createHighlighter(terms, { sliceMs: 1 }).run(document.body);
    clearInterval(ticker);
    expect(result.matches).toBe(6000);
    expect(ticks).toBeGreaterThan(0);
  });
});

describe('ranges near the viewport only', () => {
  it('registers the ranges of blocks near the viewport, and the others as they come near', async () => {
    document.body.innerHTML = '<p id="top">chemotherapy for the bile duct</p><p id="far">pembrolizumab, far below</p>';
    const far = document.getElementById('far')!;
    setInView(far, false);
    const highlighter = createHighlighter(terms);
    const result = await highlighter.run(document.body);
    // Everything is found and counted (the popup's list and the badge), but only what is near is painted.
    expect(result).toEqual({ matches: 3, counts: { chemotherapy: 1, 'bile-duct': 1, pembrolizumab: 1 } });
    expect(painted()).toEqual(['chemotherapy', 'bile duct']);
    expect(highlighter.occurrencesIn(far.firstChild as Text)).toEqual([]);

    setInView(far, true); // scrolled to
    expect(painted()).toEqual(['chemotherapy', 'bile duct', 'pembrolizumab']);
    expect(highlighter.occurrencesIn(far.firstChild as Text).map((o) => o.text)).toEqual(['pembrolizumab']);

    setInView(document.getElementById('top')!, false); // scrolled past
    expect(painted()).toEqual(['pembrolizumab']);
    expect(highlighter.result()).toEqual(result);
    expect(highlighter.occurrences().map((o) => o.text)).toEqual(['chemotherapy', 'bile duct', 'pembrolizumab']);
  });

  it('keeps options applying to blocks out of view, and stops watching removed blocks', async () => {
    document.body.innerHTML = '<p id="a">chemotherapy here</p><p id="b">chemotherapy there</p>';
    const b = document.getElementById('b')!;
    setInView(b, false);
    const highlighter = createHighlighter(terms);
    await highlighter.run(document.body);
    highlighter.configure({ hiddenEntryIds: new Set(['chemotherapy']) });
    setInView(b, true);
    expect(painted()).toEqual([]);
    highlighter.configure({ hiddenEntryIds: new Set() });
    expect(painted()).toEqual(['chemotherapy', 'chemotherapy']);

    b.remove();
    await highlighter.update([], true);
    expect(painted()).toEqual(['chemotherapy']);
    setInView(b, true); // a late report about a removed block changes nothing
    expect(painted()).toEqual(['chemotherapy']);
  });

  it('watches a section holding paragraphs rather than each paragraph, but a paragraph of the body itself', async () => {
    document.body.innerHTML = '<section id="s"><p>chemotherapy</p><p>pembrolizumab</p></section><p id="lone">bile duct</p>';
    await createHighlighter(terms).run(document.body);
    const section = document.getElementById('s')!;
    expect(observed(document.querySelectorAll('section, p'))).toEqual([section, document.getElementById('lone')]);
    setInView(section, false);
    expect(painted()).toEqual(['bile duct']);
    setInView(section, true);
    expect(painted()).toEqual(['bile duct', 'chemotherapy', 'pembrolizumab']);
  });

  it('paints the top of the page before the first report, and corrects the guess when it comes', async () => {
    document.body.innerHTML = Array.from({ length: 30 }, (_, i) => `<p id="p${i}">chemotherapy ${i}</p>`).join('');
    setInView(document.getElementById('p0')!, false); // scrolled past, as the report will say
    holdReports();
    await createHighlighter(terms).run(document.body);
    expect(painted().length).toBe(24);
    releaseReports();
    expect(painted().length).toBe(29);
  });

  it('with the part in view read first, waits for the report for the rest instead of guessing', async () => {
    // A guess would register ranges below the fold only to take them back a frame later, and on a
    // very large page every change to the registered ranges costs a slow frame.
    const below = Array.from({ length: 30 }, (_, i) => `<p id="p${i}">pembrolizumab ${i}</p>`).join('');
    document.body.innerHTML = `<section id="view"><p>chemotherapy in view</p></section>${below}`;
    for (let i = 1; i < 30; i++) setInView(document.getElementById(`p${i}`)!, false);
    holdReports();
    await createHighlighter(terms).run(document.body, { first: document.getElementById('view') });
    expect(painted()).toEqual(['chemotherapy']);
    releaseReports();
    expect(painted()).toEqual(['chemotherapy', 'pembrolizumab']);
  });

  it('paints content added beside a block in view at once, and content added among far blocks only when near', async () => {
    document.body.innerHTML = '<p id="seen">chemotherapy</p><div id="far"><p>bile duct</p></div>';
    const far = document.getElementById('far')!;
    setInView(far, false);
    const highlighter = createHighlighter(terms);
    await highlighter.run(document.body);
    expect(painted()).toEqual(['chemotherapy']);

    holdReports();
    const beside = document.createElement('p');
    beside.textContent = 'pembrolizumab';
    document.getElementById('seen')!.after(beside);
    const among = document.createElement('p');
    among.textContent = 'TARE (transarterial radioembolization)';
    far.append(among);
    await highlighter.update([{ container: beside, deep: true }, { container: among, deep: true }]);
    // `beside` is its own target (a child of the body), next to a block reported near; `among` is
    // watched through #far, reported far.
    expect(painted()).toEqual(['chemotherapy', 'pembrolizumab']);
    releaseReports();
    setInView(far, true);
    expect(painted()).toEqual(['chemotherapy', 'pembrolizumab', 'bile duct', 'TARE', 'transarterial radioembolization']);
  });

  it('registers everything when told there is no viewport to follow', async () => {
    document.body.innerHTML = '<p id="far">pembrolizumab</p>';
    setInView(document.getElementById('far')!, false);
    await createHighlighter(terms, { viewportOf: null }).run(document.body);
    expect(painted()).toEqual(['pembrolizumab']);
  });
});

describe('the ambiguity guard', () => {
  it('highlights short forms on a page about the glossary\'s subject', async () => {
    document.body.innerHTML = '<p>ICC is a bile duct cancer; chemotherapy helps a little.</p>';
    await createHighlighter(terms).run(document.body);
    expect(painted()).toEqual(['ICC', 'bile duct', 'chemotherapy']);
  });

  it('leaves short forms alone on a page with no such context', async () => {
    document.body.innerHTML = '<h1>Leaders meet as ICC plans new hearings</h1><p>The ICC plans to open hearings.</p>';
    await createHighlighter(terms).run(document.body);
    expect(painted()).toEqual([]);
  });

  it('respects a page that defines the short form differently, even amid medical words', async () => {
    document.body.innerHTML = '<p>The International Cricket Council (ICC) met. ICC rules changed.</p><p>chemotherapy, pembrolizumab, bile duct</p>';
    await createHighlighter(terms).run(document.body);
    expect(painted()).toEqual(['chemotherapy', 'pembrolizumab', 'bile duct']);
  });

  it('accepts the glossary\'s own definition, with no other context', async () => {
    document.body.innerHTML = '<p>Intrahepatic cholangiocarcinoma (ICC) is rare. ICC grows slowly.</p>';
    await createHighlighter(terms).run(document.body);
    expect(painted()).toEqual(['Intrahepatic cholangiocarcinoma', 'ICC', 'ICC']);
  });

  it('skips a short form set among other capitals, where case says nothing', async () => {
    document.body.innerHTML = '<p>TARE WEIGHT 2 KG. TARE and SIRT after chemotherapy for bile duct cancer.</p>';
    await createHighlighter(terms).run(document.body);
    expect(painted()).toEqual(['TARE', 'SIRT', 'chemotherapy', 'bile duct']);
  });

  it('tells capitals from punctuation, mixed case and other scripts beside a short form', async () => {
    document.body.innerHTML = `<p>NET TARE 5. Treatment: TARE. Using SIRT (Y-90). ICC Treatment. ÜBER ICC.</p>
      <p>Чистый TARE. ΚΑΘΑΡΟ ICC. 中文 SIRT. Chemotherapy for bile duct cancer.</p>`;
    await createHighlighter(terms).run(document.body);
    expect(painted()).toEqual(['TARE', 'SIRT', 'ICC', 'TARE', 'SIRT', 'Chemotherapy', 'bile duct']);
  });

  it('leaves a short form with a number after a hyphen alone: that names something else', async () => {
    document.body.innerHTML = `<p>SIRT-1 and SIRT\u20111 regulate hepatocytes; ICC\u20102 is a cell line; TARE-90 too.</p>
      <p>SIRT for ICC (intrahepatic cholangiocarcinoma), with chemotherapy. SIRT - 1 session. TARE-based care.</p>`;
    await createHighlighter(terms).run(document.body);
    expect(painted()).toEqual(['SIRT', 'ICC', 'intrahepatic cholangiocarcinoma', 'chemotherapy', 'SIRT', 'TARE']);
  });

  it('starts highlighting short forms once later content supplies the context', async () => {
    document.body.innerHTML = '<p id="a">ICC update</p>';
    const highlighter = createHighlighter(terms);
    await highlighter.run(document.body);
    expect(painted()).toEqual([]);
    const more = document.createElement('p');
    more.textContent = 'chemotherapy and pembrolizumab';
    document.body.append(more);
    await highlighter.update([{ container: more, deep: true }]);
    expect(painted()).toEqual(['ICC', 'chemotherapy', 'pembrolizumab']);
  });
});

describe('watchMutations', () => {
  const flush = () => new Promise((resolve) => setTimeout(resolve, 80));

  /** A page of `html`, highlighted, with a watcher redoing its changes after `delayMs`. */
  async function watchedPage(html: string, delayMs = 10) {
    document.body.innerHTML = html;
    const highlighter = createHighlighter(terms);
    const watcher = watchMutations({ highlighter, delayMs });
    watcher.observe(document.body);
    await highlighter.run(document.body);
    return { highlighter, watcher };
  }

  it('highlights added content and forgets removed content', async () => {
    const { highlighter, watcher } = await watchedPage('<div id="feed"><p id="first">chemotherapy</p></div>');
    const added = document.createElement('p');
    added.innerHTML = 'and <b>pembrolizumab</b>';
    document.getElementById('feed')!.append(added);
    await flush();
    expect(highlighter.result().counts).toEqual({ chemotherapy: 1, pembrolizumab: 1 });

    document.getElementById('first')!.remove();
    await flush();
    expect(highlighter.result().counts).toEqual({ pembrolizumab: 1 });
    watcher.disconnect();
  });

  it('redoes a change after a quiet spell at once, and batches the changes that follow it', async () => {
    const { highlighter, watcher } = await watchedPage('<p id="a">plain</p><p id="b">plain</p>', 400);
    (document.getElementById('a')!.firstChild as Text).data = 'chemotherapy';
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(highlighter.result().counts).toEqual({ chemotherapy: 1 });
    (document.getElementById('b')!.firstChild as Text).data = 'pembrolizumab';
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(highlighter.result().counts).toEqual({ chemotherapy: 1 });
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(highlighter.result().counts).toEqual({ chemotherapy: 1, pembrolizumab: 1 });
    watcher.disconnect();
  });

  it('redoes a change after a quiet spell in the next frame if that comes before the next task', async () => {
    const { highlighter, watcher } = await watchedPage('<p id="a">plain</p>');
    const frames: FrameRequestCallback[] = [];
    const requestFrame = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    try {
      (document.getElementById('a')!.firstChild as Text).data = 'chemotherapy';
      await microtasks(); // the observer reports; no task has run yet
      expect(highlighter.result().matches).toBe(0);
      expect(frames).toHaveLength(1);
      frames[0]!(performance.now()); // the browser renders a frame before the watcher's task
      await microtasks();
      expect(highlighter.result().counts).toEqual({ chemotherapy: 1 });
    } finally {
      requestFrame.mockRestore();
      watcher.disconnect();
    }
  });

  it('redoes a block whose text was edited in place', async () => {
    const { watcher } = await watchedPage('<p>plain words</p>');
    (document.querySelector('p')!.firstChild as Text).data = 'now chemotherapy';
    await flush();
    expect(painted()).toEqual(['chemotherapy']);
    watcher.disconnect();
  });

  it('ignores typing in editors and changes in our own UI', async () => {
    const { highlighter, watcher } = await watchedPage('<div contenteditable="true"><p>draft</p></div><div data-termlight-ui></div>');
    document.querySelector('[contenteditable] p')!.textContent = 'chemotherapy';
    document.querySelector('[data-termlight-ui]')!.textContent = 'pembrolizumab';
    await flush();
    expect(highlighter.result().matches).toBe(0);
    watcher.disconnect();
  });
});
