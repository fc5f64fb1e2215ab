// The real toolbar popup. `chrome.action.openPopup()` (run in the service worker) opens it for the
// active tab; Playwright does not list popups as pages, so we attach to its target over the DevTools
// protocol and drive it with protocol commands: evaluate script, press keys, type text.
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';

declare const chrome: any;

export class PopupSession {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget' as any, (event: any) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message);
      const waiter = message.id !== undefined ? this.pending.get(message.id) : undefined;
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
  }

  /** Opens the popup for `page` (made the active tab first) and attaches to it. */
  static async open(browser: ExtensionBrowser, page: Page): Promise<PopupSession> {
    await page.bringToFront();
    await browser.serviceWorker.evaluate(() => chrome.action.openPopup());
    const cdp = await browser.context.newCDPSession(page);
    const popupUrl = `chrome-extension://${browser.extensionId}/popup.html`;
    let target: any;
    for (let attempt = 0; attempt < 50 && !target; attempt++) {
      const { targetInfos } = (await cdp.send('Target.getTargets' as any)) as any;
      target = targetInfos.find((info: any) => info.type === 'page' && info.url === popupUrl);
      if (!target) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!target) throw new Error('The popup did not open');
    const { sessionId } = (await cdp.send('Target.attachToTarget' as any, { targetId: target.targetId, flatten: false } as any)) as any;
    const session = new PopupSession(cdp, sessionId);
    await session.waitFor('document.querySelector(".popup")');
    return session;
  }

  send(method: string, params: Record<string, unknown> = {}): Promise<any> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      void this.cdp
        .send('Target.sendMessageToTarget' as any, { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) } as any)
        .catch(reject);
    });
  }

  /** Evaluates an expression in the popup and returns its value (JSON-serialisable). */
  async evaluate<T = unknown>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  }

  async waitFor(expression: string, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        if (await this.evaluate<boolean>(`Boolean(${expression})`)) return;
      } catch {
        // The popup's document may not be ready yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`Timed out waiting in the popup for: ${expression}`);
  }

  async type(text: string): Promise<void> {
    for (const char of text) await this.send('Input.dispatchKeyEvent', { type: 'char', text: char });
  }

  async press(key: 'Enter' | 'Escape' | 'ArrowDown' | 'ArrowUp' | 'Tab'): Promise<void> {
    const codes = { Enter: 13, Escape: 27, ArrowDown: 40, ArrowUp: 38, Tab: 9 } as const;
    const base = { key, code: key, windowsVirtualKeyCode: codes[key] };
    // Like a real key: one keyDown that carries its text, so a prevented keydown also stops the keypress.
    await this.send('Input.dispatchKeyEvent', { type: 'keyDown', ...base, ...(key === 'Enter' ? { text: '\r' } : {}) });
    await this.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
  }

  async screenshot(): Promise<Buffer> {
    const { data } = await this.send('Page.captureScreenshot', { format: 'png' });
    return Buffer.from(data, 'base64');
  }

  async close(): Promise<void> {
    await this.evaluate('window.close()').catch(() => {});
    await this.cdp.detach().catch(() => {});
  }
}
