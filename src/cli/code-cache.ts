import { readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs"
import { createRequire, Module } from "node:module"
import { dirname } from "node:path"
import { setFlagsFromString } from "node:v8"
import { threadId } from "node:worker_threads"
import { constants, Script } from "node:vm"

/** The wrapper Node puts around every CommonJS module. */
const wrapCommonJs = (source: string): string => `(function (exports, require, module, __filename, __dirname) { ${source}\n})`

const readCache = (cachePath: string): Buffer | undefined => {
  try {
    return readFileSync(cachePath)
  } catch {
    return undefined
  }
}

/**
 * Written whole or not at all: a process reading it meanwhile sees the old file or none. Parse
 * workers are threads of one process, each saving its own: the temporary name names the thread.
 */
const saveCache = (script: Script, cachePath: string): void => {
  const temporary = `${cachePath}.${process.pid}.${threadId}.tmp`
  try {
    writeFileSync(temporary, script.createCachedData())
    renameSync(temporary, cachePath)
  } catch {
    // A read-only install: every run compiles the bundle, as without a cache.
    try {
      unlinkSync(temporary)
    } catch {
      // Never written.
    }
  }
}

/**
 * Requires a CommonJS bundle with a V8 code cache, so a run skips most of compiling it (about a
 * third of the full CLI's start-up). The cache is made at the end of the first run, when it holds
 * every function that run compiled, and made again when V8 rejects it (another Node version).
 * `cachePath` must name this exact build of the bundle: V8 checks the source's length, not its
 * content. Returns the bundle's exports. On a Node without the default dynamic-import loader for vm scripts it is a plain require.
 */
export const requireWithCodeCache = (bundlePath: string, cachePath: string): unknown => {
  const importLoader = constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
  if (importLoader === undefined) return createRequire(bundlePath)(bundlePath)
  // Without this V8 flag a cache's checksum is neither written nor checked, and a damaged cache
  // of the right size (a bad disk block) is run as it is: the process crashes, and so does every
  // later run. With it, V8 rejects such a cache and it is made again. The flag is part of what a
  // cache must match, so one made without it is rejected once and remade.
  setFlagsFromString("--verify-snapshot-checksum")
  const cachedData = readCache(cachePath)
  const script = new Script(wrapCommonJs(readFileSync(bundlePath, "utf8")), {
    filename: bundlePath,
    cachedData,
    importModuleDynamically: importLoader,
  })
  if (cachedData === undefined || script.cachedDataRejected === true) process.once("exit", () => saveCache(script, cachePath))
  const bundle = new Module(bundlePath)
  bundle.filename = bundlePath
  const run = script.runInThisContext() as (...moduleArgs: ReadonlyArray<unknown>) => void
  run.call(bundle.exports, bundle.exports, createRequire(bundlePath), bundle, bundlePath, dirname(bundlePath))
  return bundle.exports
}
