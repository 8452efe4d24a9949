/**
 * Worker thread entry (bundled as dist/parse-worker-start.cjs): loads the parse worker's bundle
 * through a V8 code cache kept beside it, as the launcher loads the full CLI, so that each worker
 * of each backfill skips compiling a megabyte of code while the cores are busiest.
 */
import { join } from "node:path"
import { requireWithCodeCache } from "./code-cache.js"

/** The cache's file name, made by the build from this exact build of the parse worker. */
declare const __CSL_PARSE_WORKER_CACHE__: string

requireWithCodeCache(join(__dirname, "parse-worker.cjs"), join(__dirname, __CSL_PARSE_WORKER_CACHE__))
