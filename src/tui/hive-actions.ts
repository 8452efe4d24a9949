/** A memory file the Publish view lists, as the hive reports it. */
export interface HiveFile {
  /** What `publish` takes to name this file; opaque to the app. */
  readonly id: string
  readonly project: string
  readonly name: string
  readonly published: boolean
  /** What it looks like it holds ("GitHub token"), or undefined: such a file is shared only after a confirm. */
  readonly secret: string | undefined
}

/** What an apply in the Publish view did: one line per change, and the URL to hand to a teammate. */
export interface PublishOutcome {
  readonly lines: ReadonlyArray<string>
  readonly url: string
}

export interface HiveSubscription {
  readonly url: string
  /** "all": every project the publisher has now or adds later. */
  readonly projects: ReadonlyArray<string> | "all"
  /** Its files on this machine. */
  readonly files: number
  /** Why its last fetch failed, or null. */
  readonly lastError: string | null
}

/**
 * What the app may ask of the hive. Each rejects with an Error whose message is one line a person
 * can act on (a dead URL, an unreachable remote); the app shows it and carries on.
 */
export interface HiveActions {
  readonly publishableFiles: () => Promise<ReadonlyArray<HiveFile>>
  /**
   * Makes exactly these files the published ones (the others listed are unpublished); of the
   * secret-looking ones, only those in `allowedSecrets` (the user confirmed them) go out.
   */
  readonly publish: (fileIds: ReadonlyArray<string>, allowedSecrets: ReadonlyArray<string>) => Promise<PublishOutcome>
  readonly projectsAt: (url: string) => Promise<ReadonlyArray<string>>
  readonly subscriptions: () => Promise<ReadonlyArray<HiveSubscription>>
  /** Subscribes to these of the publisher's projects, or "all" (replacing an earlier choice), and fetches them; returns its result lines. */
  readonly subscribe: (url: string, projects: ReadonlyArray<string> | "all") => Promise<ReadonlyArray<string>>
  readonly unsubscribe: (url: string) => Promise<ReadonlyArray<string>>
  /** Fetches every subscription anew; returns its result lines. */
  readonly sync: () => Promise<ReadonlyArray<string>>
}
