// pa11y with HTML_CodeSniffer (WCAG 2 AA) over the URLs given as arguments, in one Chromium: Debian's, named by
// PUPPETEER_EXECUTABLE_PATH (nothing is downloaded). Prints one JSON object: URL -> issues (errors only).
"use strict";
const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

async function main(urls) {
  const browser = await puppeteer.launch({
    executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  const results = {};
  try {
    for (const url of urls) {
      const scheme = new URL(url).hash === "#dark" ? "dark" : "light";
      const page = await browser.newPage();
      await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
      // Only the local test server: the offline plugin's CDN script would stall without network.
      await page.setRequestInterception(true);
      page.on("request", (request) => {
        const host = new URL(request.url()).hostname;
        if (host === "127.0.0.1" || request.url().startsWith("data:")) request.continue();
        else request.abort();
      });
      await page.goto(url, { waitUntil: "load", timeout: 60000 });
      const report = await pa11y(url, {
        browser, page, standard: "WCAG2AA", runners: ["htmlcs"], includeWarnings: false, includeNotices: false,
        timeout: 60000, ignoreUrl: true,
      });
      results[url] = report.issues.filter((issue) => issue.type === "error");
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results));
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(2);
});
