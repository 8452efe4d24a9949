import type { HiveFile, HiveSubscription, PublishOutcome } from "./hive-actions.js"

/** A key as the hive app's model sees it: typed text, or one of the keys it acts on. */
export interface HiveKey {
  readonly input: string
  readonly name?: "up" | "down" | "enter" | "escape" | "backspace"
}

/** Work a view asks the hive to do; the app runs one at a time and hands its reply back. */
export type HiveRequest =
  | { readonly kind: "load-files" }
  | { readonly kind: "publish"; readonly fileIds: ReadonlyArray<string>; readonly allowedSecrets: ReadonlyArray<string> }
  | { readonly kind: "load-subscriptions" }
  | { readonly kind: "fetch-projects"; readonly url: string }
  | { readonly kind: "subscribe"; readonly url: string; readonly projects: ReadonlyArray<string> | "all" }
  | { readonly kind: "unsubscribe"; readonly url: string }
  | { readonly kind: "sync" }

export type HiveReply =
  | { readonly kind: "files"; readonly files: ReadonlyArray<HiveFile> }
  | { readonly kind: "published"; readonly outcome: PublishOutcome }
  | { readonly kind: "subscriptions"; readonly subscriptions: ReadonlyArray<HiveSubscription> }
  | { readonly kind: "projects"; readonly projects: ReadonlyArray<string> }
  /** The result lines of a subscribe, an unsubscribe or a sync. */
  | { readonly kind: "lines"; readonly lines: ReadonlyArray<string> }
  | { readonly kind: "failed"; readonly message: string }

/** One line under the view until the next key: an error, a warning awaiting a confirm, or news. */
export interface Notice {
  readonly tone: "error" | "warning" | "info"
  readonly text: string
}

/** What a view does with a key or a reply: its next state, and maybe a request or a notice. */
export interface Transition<Screen> {
  readonly screen: Screen
  readonly request?: HiveRequest
  readonly notice?: Notice
}

export const isMoveUp = (key: HiveKey) => key.name === "up" || key.input === "k"
export const isMoveDown = (key: HiveKey) => key.name === "down" || key.input === "j"
export const isLeave = (key: HiveKey) => key.name === "escape" || key.input === "q"

/** A cursor moved by one within a list of `length` items. */
export const movedCursor = (cursor: number, key: HiveKey, length: number): number =>
  isMoveUp(key) ? Math.max(0, cursor - 1) : isMoveDown(key) ? Math.min(Math.max(0, length - 1), cursor + 1) : cursor

/** The set with `item` added when absent, removed when present. */
export const toggled = <A>(set: ReadonlySet<A>, item: A): ReadonlySet<A> => {
  const next = new Set(set)
  if (next.has(item)) next.delete(item)
  else next.add(item)
  return next
}
