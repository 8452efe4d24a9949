// CJS bundles of the CLI. `cli.cjs` is the bin: a tiny launcher that answers the session hooks
// (`session-start`, `recent`, `inbox --count`, `record`), `--help`, `--version` and `search`
// (from its index, via `search.cjs`) and `memory search` (via `memory-search.cjs`) without loading
// Effect or DuckDB (`memory hook` from `memory-hook.cjs`), and otherwise requires
// `entries.cjs` (init, log, resolve, list, show) or `main.cjs`, the full Effect CLI, each compiled
// from a V8 code cache kept next to it. `setup.cjs` is the `claude-session-logger-setup` bin, `memory-sync.cjs` the `claude-memory-sync` bin, `hive.cjs` the `claude-hive` bin;
// `parse-worker.cjs` parses transcripts on other cores (each worker loads it through `parse-worker-start.cjs`, from a code cache); `light-backfill.cjs` answers a bare `backfill` over an unchanged history.
import { build } from "esbuild"
import { execFileSync } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { createRequire } from "node:module"

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"))

const bundle = (entryPoints, options = {}) =>
  build({
    entryPoints,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    sourcemap: "linked",
    logLevel: "warning",
    outdir: "dist",
    outExtension: { ".js": ".cjs" },
    define: { __CSL_VERSION__: JSON.stringify(version) },
    ...options,
  })

const bin = { banner: { js: "#!/usr/bin/env node" } }
// Code caches of an earlier build would not match this one.
for (const name of existsSync("dist") ? readdirSync("dist").filter((name) => name.endsWith(".v8cache")) : []) rmSync(`dist/${name}`)
// `search` from a current index, without Effect or DuckDB.
await bundle({ search: "src/cli/search-fast-path.ts", "memory-search": "src/cli/memory-search-fast-path.ts" })
// `list`, `show`, `log` and `resolve` from the entries read model and the spool, without Effect or DuckDB.
await bundle({ "light-entries": "src/cli/light-entries.ts" })
// A bare `backfill` over an unchanged history, from the fingerprints' copy beside the store.
await bundle({ "light-backfill": "src/cli/light-backfill.ts" })
// `memory hook`, run after every Write and Edit: only what it needs.
await bundle({ "memory-hook": "src/cli/memory-hook-bin.ts" })
await bundle({ setup: "src/cli/setup-bin.ts", "memory-sync": "src/cli/memory-bin.ts", hive: "src/cli/hive-bin.ts" }, { ...bin, external: ["./cli.cjs"] })
// `statusline`, after every message: alone, so it loads nothing else (setup installs this file).
await bundle({ statusline: "src/cli/statusline-bin.ts" })
// The browser and the claude-hive app are ES modules: Ink's layout engine (yoga) loads its WASM with top-level await.
await bundle(
  { tui: "src/tui/run-browser.tsx", "hive-tui": "src/tui/run-hive.tsx" },
  {
    format: "esm",
    outExtension: { ".js": ".mjs" },
    define: { "process.env.NODE_ENV": '"production"' },
    // Bundled CommonJS dependencies (React) still call require() for Node's own modules.
    banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
    // Ink loads React DevTools only when DEV=true; it is not shipped, so it resolves to nothing.
    plugins: [{
      name: "no-react-devtools",
      setup: (esbuild) => {
        esbuild.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: "react-devtools-core", namespace: "stub" }))
        esbuild.onLoad({ filter: /.*/, namespace: "stub" }, () => ({ contents: "export default {}" }))
      },
    }],
  },
)
// The native DuckDB binding is loaded from node_modules at run time; its JavaScript API is
// bundled, so it shares the bundle's code cache, and loaded on first use, so that a command that
// never opens the store (`--help` of any command, `setup`, a failed argument) never loads it:
// the source's `import { DuckDBInstance } from "@duckdb/node-api"` gets an object of getters
// that load the real module when read.
const duckDbExports = Object.keys(createRequire(import.meta.url)("@duckdb/node-api"))
const duckDbOnFirstUse = {
  name: "duckdb-on-first-use",
  setup: (esbuild) => {
    esbuild.onResolve({ filter: /^@duckdb\/node-api$/ }, (args) =>
      args.namespace === "duckdb-on-first-use" ? undefined : { path: "@duckdb/node-api", namespace: "duckdb-on-first-use" })
    esbuild.onLoad({ filter: /.*/, namespace: "duckdb-on-first-use" }, () => ({
      contents: `let api; const load = () => (api ??= require("@duckdb/node-api"));
module.exports = Object.defineProperties({}, Object.fromEntries(${JSON.stringify(duckDbExports)}.map((name) => [name, { enumerable: true, get: () => load()[name] }])))`,
      resolveDir: import.meta.dirname,
      loader: "js",
    }))
  },
}
await bundle(
  { main: "src/cli/main.ts", entries: "src/cli/entries-main.ts", "parse-worker": "src/recording/parse-worker.ts", "browser-backend": "src/browser/browser-backend.ts", "hive-backend": "src/browser/hive-backend.ts" },
  { external: ["@duckdb/node-bindings*"], plugins: [duckDbOnFirstUse] },
)

/** A bundle's code cache is named after this build of it: V8 itself checks only the source's length. */
const codeCacheName = (bundle) => `${bundle}.${createHash("sha256").update(readFileSync(`dist/${bundle}`)).digest("hex").slice(0, 16)}.v8cache`

// The parse workers' entry, after the parse worker: it loads that build of it through its code cache.
await bundle({ "parse-worker-start": "src/cli/parse-worker-start.ts" }, { define: { __CSL_PARSE_WORKER_CACHE__: JSON.stringify(codeCacheName("parse-worker.cjs")) } })

// The launcher, last: it names each bundle's code cache after this build of it, and prints the
// full CLI's own --help and --version output, taken from it here, without loading it.
const codeCaches = Object.fromEntries(
  ["main.cjs", "entries.cjs", "light-entries.cjs"].map((bundle) => [bundle, codeCacheName(bundle)]),
)
const rootOutputs = Object.fromEntries(
  ["--help", "-h", "--version"].map((arg) => [arg, execFileSync(process.execPath, ["dist/main.cjs", arg], { encoding: "utf8" })]),
)
await bundle(
  { cli: "src/cli/launcher.ts" },
  {
    ...bin,
    external: ["./main.cjs", "./browser-backend.cjs", "./hive-backend.cjs", "./search.cjs", "./statusline.cjs", "./memory-search.cjs", "./memory-hook.cjs", "./light-backfill.cjs"],
    define: {
      __CSL_VERSION__: JSON.stringify(version),
      __CSL_CODE_CACHES__: JSON.stringify(codeCaches),
      __CSL_ROOT_OUTPUTS__: JSON.stringify(rootOutputs),
    },
  },
)
