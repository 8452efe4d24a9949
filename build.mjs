// Two CJS bundles. `cli.cjs` is the bin: a tiny launcher that answers the session-start
// hot path (`recent`, `inbox --count`) from a snapshot file without loading Effect or
// DuckDB, and otherwise requires `main.cjs`, the full Effect CLI.
import { build } from "esbuild"
import { readFileSync } from "node:fs"

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"))
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: "linked",
  logLevel: "warning",
  define: { __CSL_VERSION__: JSON.stringify(version) },
}

await build({
  ...common,
  entryPoints: { cli: "src/cli/launcher.ts" },
  outdir: "dist",
  outExtension: { ".js": ".cjs" },
  banner: { js: "#!/usr/bin/env node" },
  external: ["./main.cjs"],
})
await build({
  ...common,
  entryPoints: { setup: "src/cli/setup-bin.ts" },
  outdir: "dist",
  outExtension: { ".js": ".cjs" },
  banner: { js: "#!/usr/bin/env node" },
  external: ["./cli.cjs"],
})
await build({
  ...common,
  entryPoints: { main: "src/cli/main.ts", "parse-worker": "src/recording/parse-worker.ts" },
  outdir: "dist",
  outExtension: { ".js": ".cjs" },
  // The native DuckDB binding is loaded from node_modules at run time.
  external: ["@duckdb/node-api", "@duckdb/node-bindings*"],
})
