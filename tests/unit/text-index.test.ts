import { describe, expect, it } from 'vitest';
import { walkBlocks, type TextBlock } from '../../glossary';

function blocksOf(html: string, deep = true): TextBlock[] {
  document.body.innerHTML = html;
  return [...walkBlocks(document.body, { deep })];
}

const texts = (blocks: TextBlock[]) => blocks.map((block) => block.text);

describe('walkBlocks', () => {
  it('joins text split across inline elements into one block', () => {
    const blocks = blocksOf('<p>Patients with <a href="#">intrahepatic</a> <a href="#">cholangiocarcinoma</a> and <b>checkpoint</b> inhibitors.</p>');
    expect(texts(blocks)).toEqual(['Patients with intrahepatic cholangiocarcinoma and checkpoint inhibitors.']);
    expect(blocks[0]!.nodes).toHaveLength(7);
  });

  it('never joins text of different blocks, even when a block sits inside running text', () => {
    const blocks = blocksOf('<div>intrahepatic<p>cholangio</p>carcinoma</div><section><h2>TARE</h2><p>SIRT</p></section>');
    expect(texts(blocks)).toEqual(['intrahepatic', 'cholangio', 'carcinoma', 'TARE', 'SIRT']);
  });

  it('keeps each node\'s start offset within the block text', () => {
    const [block] = blocksOf('<p>ab<i>cd</i>ef</p>');
    expect(block!.starts).toEqual([0, 2, 4]);
    block!.nodes.forEach((node, i) => expect(block!.text.slice(block!.starts[i], block!.starts[i]! + node.data.length)).toBe(node.data));
  });

  it('turns <br> into a line break so words on either side do not merge', () => {
    const [block] = blocksOf('<p>liver<br>transplant</p>');
    expect(block!.text).toBe('liver\ntransplant');
    expect(block!.starts).toEqual([0, 6]);
  });

  it('skips code, scripts, form controls, editors and our own UI', () => {
    const blocks = blocksOf(`
      <p>ICC prose</p>
      <pre>ICC in pre</pre><code>ICC in code</code><script>var ICC</script><style>.ICC{}</style>
      <noscript>ICC</noscript><template><p>ICC</p></template><textarea>ICC</textarea>
      <select><option>ICC</option></select><button>ICC button</button>
      <div contenteditable="true"><p>ICC editable</p></div><span contenteditable>ICC span</span>
      <div role="textbox">ICC box</div><div data-termlight-ui><p>ICC popover</p></div>
      <div contenteditable="false"><p>ICC readonly</p></div>`);
    expect(texts(blocks).map((t) => t.trim()).filter(Boolean)).toEqual(['ICC prose', 'ICC readonly']);
  });

  it('reads open shadow roots as their own blocks, where the host stands', () => {
    document.body.innerHTML = '<p>before</p><x-card></x-card><p>after</p>';
    const host = document.querySelector('x-card')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>inside <b>shadow</b></p>';
    const seen: ShadowRoot[] = [];
    const blocks = [...walkBlocks(document.body, { deep: true, onShadowRoot: (root) => seen.push(root) })];
    expect(texts(blocks)).toEqual(['before', 'inside shadow', 'after']);
    expect(seen).toEqual([host.shadowRoot]);
  });

  it('walks only a container\'s own text when shallow', () => {
    document.body.innerHTML = '<div id="c">own <em>text</em><p>nested</p>tail</div>';
    const container = document.getElementById('c')!;
    expect(texts([...walkBlocks(container, { deep: false })])).toEqual(['own text', 'tail']);
    expect(texts([...walkBlocks(container, { deep: true })])).toEqual(['own text', 'nested', 'tail']);
  });
});
