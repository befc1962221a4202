/**
 * Reads the demo corpus's fixed content (names, places, laws, festivals…) from the JSON files in
 * data/, next to this module in src/ and in the compiled dist/ alike (the build copies them).
 */
import fs from 'node:fs';

export function demoData<T>(name: string): T {
  return JSON.parse(fs.readFileSync(new URL(`./data/${name}.json`, import.meta.url), 'utf8')) as T;
}
