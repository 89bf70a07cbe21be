// Mattermost's webapp reports the user idle only inside the Desktop app, which
// hands it the operating system's idle state through `window.desktopAPI`; in a
// plain browser tab the user never becomes "away" by itself. Tests play the
// Desktop app's part in the page (the stand-in listens to the same API).
import type { Page } from '@playwright/test';

type ActivityListener = (userIsActive: boolean, idleTime: number, manual: boolean) => void;

interface DesktopWindow {
  desktopAPI?: { onUserActivityUpdate(listener: ActivityListener): () => void };
  reportUserActivity?: ActivityListener;
}

/** Gives every later page load of the tab the Desktop app's activity API. */
export async function actAsDesktopApp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const desktopWindow = window as DesktopWindow;
    desktopWindow.desktopAPI = {
      onUserActivityUpdate(listener) {
        desktopWindow.reportUserActivity = listener;
        return () => {
          if (desktopWindow.reportUserActivity === listener) delete desktopWindow.reportUserActivity;
        };
      },
    };
  });
}

/** What the Desktop app tells the webapp after a while without input; the webapp passes it on over its socket. */
export async function reportUserIdle(page: Page): Promise<void> {
  await page.evaluate(() => {
    const report = (window as DesktopWindow).reportUserActivity;
    if (!report) throw new Error('The page did not subscribe to the Desktop app’s activity updates.');
    report(false, 60_000, false);
  });
}
