// Completes package-lock.json with the other platforms' native packages.
//
// Why: the npm registry mirror this project is built on does not serve other platforms'
// binaries (e.g. @duckdb/node-bindings-darwin-arm64), so npm 11 leaves them out of the lock,
// and then `npm ci` rejects the lock as out of sync (npm/cli#9342). Each parent already lists
// the exact version in its optionalDependencies, and the platform is in the package's name, so
// the entry can be written from what the lock knows: on Linux `npm ci` skips it as another
// platform's package; on macOS or Windows npm fetches it by name and version.
//
// Run after any `npm install` that changes dependencies: node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from "node:fs"

const path = new URL("../package-lock.json", import.meta.url)
const lock = JSON.parse(readFileSync(path, "utf8"))
const packages = lock.packages

const osNames = ["darwin", "linux", "win32", "android", "freebsd", "openbsd", "openharmony", "sunos", "aix", "netbsd"]
const cpuNames = ["arm64", "x64", "arm", "ia32", "loong64", "ppc64", "riscv64", "s390x", "mips64el"]

const platformOf = (name) => {
  const tokens = name.split("/").pop().split(/[-_]/)
  const os = osNames.find((token) => tokens.includes(token))
  const cpu = cpuNames.find((token) => tokens.includes(token))
  const libc = tokens.includes("musl") || tokens.includes("musleabihf") ? "musl"
    : tokens.includes("gnu") || tokens.includes("gnueabihf") ? "glibc" : undefined
  return os && cpu ? { os, cpu, libc } : undefined
}

let added = 0
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const platform = platformOf(name)
    if (!platform) continue
    const nested = `${location ? `${location}/` : ""}node_modules/${name}`
    if (packages[`node_modules/${name}`] || packages[nested]) continue
    packages[`node_modules/${name}`] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      os: [platform.os],
      cpu: [platform.cpu],
      ...(platform.libc ? { libc: [platform.libc] } : {}),
    }
    added++
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))))
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`)
console.log(`added ${added} other-platform entries`)
