import browser from 'webextension-polyfill';

const objectUrlLifetimeMs = 60_000;

/**
 * Saves a file given as a data: URL. Chromium's service worker has no
 * `URL.createObjectURL` and downloads data: URLs; Firefox's background page
 * refuses data: URLs for downloads but has object URLs. Feature-detected, so
 * each browser gets the route it supports.
 */
export async function saveDownload(dataUrl: string, fileName: string): Promise<number> {
  if (typeof URL.createObjectURL !== 'function') {
    return browser.downloads.download({ url: dataUrl, filename: fileName, saveAs: false });
  }
  const objectUrl = URL.createObjectURL(await (await fetch(dataUrl)).blob());
  try {
    return await browser.downloads.download({ url: objectUrl, filename: fileName, saveAs: false });
  } finally {
    // The download reads the URL after this returns; release it once it surely has.
    setTimeout(() => URL.revokeObjectURL(objectUrl), objectUrlLifetimeMs);
  }
}
