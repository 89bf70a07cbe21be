/**
 * The global a script run on demand in a Mattermost tab sets while it runs
 * there (in the isolated world the extension's scripts share), so that it is
 * run only once per page.
 */
export const supportPacketScriptFlag = 'companionForMattermostPacketScript';
export const deskScriptFlag = 'companionForMattermostDeskScript';

type FlaggedGlobal = Record<string, unknown>;

/** Also run inside the tab by the background, so it must not use anything from outside its body. */
export function isFlagSet(flag: string): boolean {
  return (globalThis as unknown as FlaggedGlobal)[flag] === true;
}

export function setFlag(flag: string, running: boolean): void {
  (globalThis as unknown as FlaggedGlobal)[flag] = running;
}
