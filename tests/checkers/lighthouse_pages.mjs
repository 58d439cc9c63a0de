// Lighthouse's accessibility category over the URLs given as arguments, in one Chromium: Debian's, named by
// CHROME_PATH (nothing is downloaded). A URL ending in "#dark" is checked in the dark colour scheme. Prints one
// JSON object: URL -> {score (0-100), failed: [audit ids]}, or {score: null, error} where Lighthouse cannot audit.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const urls = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update"],
});
const results = {};
try {
  for (const url of urls) {
    const dark = new URL(url).hash === "#dark";
    const flags = { port: chrome.port, onlyCategories: ["accessibility"], output: "json", logLevel: "error",
                    formFactor: "desktop", screenEmulation: { disabled: true },
                    blockedUrlPatterns: ["*unpkg.com*"] };
    const config = dark ? {
      extends: "lighthouse:default",
      settings: { onlyCategories: ["accessibility"], emulatedUserAgent: false },
    } : undefined;
    let result;
    if (dark) {
      // The dark scheme: Material follows prefers-color-scheme; emulate it before the page loads.
      const { default: puppeteer } = await import("puppeteer-core");
      const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
      const page = await browser.newPage();
      await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
      // Material keeps the scheme of earlier (light) pages of this origin in localStorage and prefers it to the
      // media query: start the audited page without it.
      await page.evaluateOnNewDocument(() => { try { localStorage.clear(); } catch (error) { /* no storage */ } });
      result = await lighthouse(url, flags, config, page);
      // Proof that the audited page saw the dark scheme (Material follows the media query).
      result.dark = await page.evaluate(() => document.body.dataset.mdColorScheme === "slate");
      await page.close();
      browser.disconnect();
    } else {
      result = await lighthouse(url, flags);
    }
    const lhr = result.lhr;
    if (lhr.runtimeError) {
      // Lighthouse audits no page served with an error status (a 404): say so instead of scoring 0.
      results[url] = { score: null, failed: [], error: lhr.runtimeError.code };
      continue;
    }
    const category = lhr.categories.accessibility;
    const failed = category.auditRefs
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
      .map((ref) => ref.id);
    results[url] = { score: Math.round(category.score * 100), failed };
    if (dark) results[url].dark = result.dark;
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(results));
