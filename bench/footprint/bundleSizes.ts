// Gzip size of each part of the built extension, with the chunks each part
// loads through its static and dynamic imports (a shared chunk counts in
// every part that loads it).
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  readonly part: string;
  readonly files: readonly string[];
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** Relative module specifiers imported by a built ES module or chunk. */
export function importedSpecifiers(code: string): string[] {
  const found = new Set<string>();
  const patterns = [/\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g, /\bimport\s*["'](\.{1,2}\/[^"']+)["']/g, /\bimport\s*\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.add(match[1] as string);
  return [...found];
}

/** Every file reachable from the entries (absolute paths), entries first. */
export async function moduleGraph(entries: readonly string[]): Promise<string[]> {
  const seen = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.js')) return;
    const code = await readFile(file, 'utf8');
    for (const specifier of importedSpecifiers(code)) await visit(resolve(dirname(file), specifier));
  };
  for (const entry of entries) await visit(entry);
  return [...seen];
}

export async function bundleSize(distDir: string, part: string, entries: readonly string[]): Promise<BundleSize> {
  const files = await moduleGraph(entries.map((entry) => join(distDir, entry)));
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = await readFile(file);
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { part, files: files.map((file) => relative(distDir, file)), bytes, gzipBytes };
}

/** An extension page's scripts and stylesheets, as its built HTML names them (paths from the extension's root). */
export function pageAssets(html: string): string[] {
  const assets = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((match) => match[1] as string);
  return [...new Set(assets)];
}
