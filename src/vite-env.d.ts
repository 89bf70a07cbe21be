/// <reference types="vite/client" />

declare module '*?script&iife' {
  /** The built file name of a self-contained content script, for `scripting` calls. */
  const fileName: string;
  export default fileName;
}
