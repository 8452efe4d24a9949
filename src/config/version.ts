declare const __CSL_VERSION__: string | undefined

/** Set by the bundler from package.json; the dev fallback only shows when run unbundled. */
export const version: string = typeof __CSL_VERSION__ === "string" ? __CSL_VERSION__ : "0.0.0-dev"
