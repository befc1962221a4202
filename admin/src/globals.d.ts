/** Set at build time by vite.config.ts `define`: the version in package.json. */
declare const __XABAR_VERSION__: string;
