// PDF export: the HTML brief (lib/export/to-html) printed by headless Chromium. Using the same
// renderer as the HTML brief and the print page means print, "Save as PDF" and this download all
// come out identical (same markup, same @media print / @page rules); a second PDF layout engine
// would drift. The browser is started lazily once per process and reused (launching costs ~0.5 s,
// a page ~50 ms); each request gets its own context, closed afterwards.
import 'server-only';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { envSchema } from '@/lib/env';

export class PdfUnavailableError extends Error {
  constructor(readonly executablePath: string, cause?: unknown) {
    super(`Chromium is not available at ${executablePath}`, { cause });
    this.name = 'PdfUnavailableError';
  }
}

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];

const globalPdf = globalThis as unknown as { claimdeskPdfBrowser?: Promise<Browser> | null; claimdeskPdfExitHook?: boolean };

export function chromiumPath(): string {
  return envSchema.shape.CHROMIUM_PATH.parse(process.env.CHROMIUM_PATH || undefined);
}

async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new PdfUnavailableError(executablePath);
  const { chromium } = await import('playwright-core');
  try {
    const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
    const current = globalPdf.claimdeskPdfBrowser;
    // A crashed or killed browser is replaced on the next request.
    browser.on('disconnected', () => {
      if (globalPdf.claimdeskPdfBrowser === current) globalPdf.claimdeskPdfBrowser = null;
    });
    return browser;
  } catch (error) {
    throw new PdfUnavailableError(executablePath, error);
  }
}

function browser(): Promise<Browser> {
  if (!globalPdf.claimdeskPdfBrowser) {
    const pending = launch();
    globalPdf.claimdeskPdfBrowser = pending;
    // A failed launch is not cached: installing Chromium later must work without a restart.
    pending.catch(() => {
      if (globalPdf.claimdeskPdfBrowser === pending) globalPdf.claimdeskPdfBrowser = null;
    });
    if (!globalPdf.claimdeskPdfExitHook) {
      globalPdf.claimdeskPdfExitHook = true;
      // A graceful close when the event loop drains; on process.exit or a signal, playwright-core's
      // own 'exit' handler kills every browser it launched, so no Chromium outlives the server.
      // (No SIGTERM/SIGINT listeners here: adding one replaces Node's default exit-on-signal.)
      process.once('beforeExit', () => {
        void closePdfBrowser();
      });
    }
  }
  return globalPdf.claimdeskPdfBrowser;
}

export async function closePdfBrowser(): Promise<void> {
  const pending = globalPdf.claimdeskPdfBrowser;
  globalPdf.claimdeskPdfBrowser = null;
  if (pending) await pending.then((b) => b.close()).catch(() => undefined);
}

/** Prints a self-contained HTML document (no external resources are fetched) to an A4 PDF. */
export async function renderPdf(html: string): Promise<Buffer> {
  const b = await browser();
  const context = await b.newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true });
  } finally {
    await context.close();
  }
}
