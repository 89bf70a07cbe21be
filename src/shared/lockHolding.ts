/**
 * What a Web Lock callback returns to hold the lock until `done` settles.
 * In a Firefox content script the lock manager is the page's, and since
 * Firefox ESR 153 it may not read a promise of the content script ("Permission
 * denied to access property "then""): the request then fails and the lock is
 * let go at once. There the promise is made on the page's side, settling when
 * `done` does; everywhere else it is `done` itself.
 */

interface FirefoxContentScriptGlobal {
  readonly wrappedJSObject?: { readonly Promise: PromiseConstructor };
  readonly exportFunction?: (fn: (...args: never[]) => void, target: object) => (...args: never[]) => void;
}

export function heldUntil(done: Promise<unknown>): Promise<unknown> {
  const scope = globalThis as unknown as FirefoxContentScriptGlobal & { readonly window?: FirefoxContentScriptGlobal };
  const page = scope.window?.wrappedJSObject;
  const exportFunction = scope.exportFunction;
  if (!page || typeof exportFunction !== 'function') return done;
  const settleWith = (resolve: () => void) => {
    const settle = () => resolve();
    done.then(settle, settle);
  };
  return new page.Promise(exportFunction(settleWith as (...args: never[]) => void, page) as never);
}

/** Whether this runs in a Firefox content script, where Web Locks are the page's. */
export function inFirefoxContentScript(): boolean {
  const scope = globalThis as unknown as FirefoxContentScriptGlobal & { readonly window?: FirefoxContentScriptGlobal };
  return scope.window?.wrappedJSObject !== undefined && typeof scope.exportFunction === 'function';
}
