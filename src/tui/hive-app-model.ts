import { openPublish, publishFooter, publishKey, publishReply, type PublishScreen } from "./hive-publish-model.js"
import { openSubscribe, subscribeFooter, subscribeKey, subscribeReply, type SubscribeScreen } from "./hive-subscribe-model.js"
import { type HiveKey, type HiveReply, type HiveRequest, isLeave, type Notice, type Transition } from "./hive-transition.js"

/** The Refresh view: the result lines of the last sync, undefined while it runs. */
export interface RefreshScreen {
  readonly view: "refresh"
  readonly lines: ReadonlyArray<string> | undefined
}

export type HiveScreen = { readonly view: "menu" } | PublishScreen | SubscribeScreen | RefreshScreen

/**
 * The whole claude-hive app as data: keys and replies go in, the next state comes out, and the
 * request it holds in `pending` is what the screen asks the hive to do next. A reply to a request
 * the user walked away from (another view, a newer request) is dropped by its id.
 */
export interface HiveAppState {
  readonly screen: HiveScreen
  readonly pending: { readonly id: number; readonly request: HiveRequest } | undefined
  /** How many requests were made: the next one's id is one more. */
  readonly requests: number
  readonly notice: Notice | undefined
  readonly done: boolean
}

export const initialHiveState: HiveAppState = { screen: { view: "menu" }, pending: undefined, requests: 0, notice: undefined, done: false }

const openRefresh = (): Transition<RefreshScreen> => ({ screen: { view: "refresh", lines: undefined }, request: { kind: "sync" } })

export const pendingLabel = (request: HiveRequest): string => {
  switch (request.kind) {
    case "load-files":
      return "reading your memory files…"
    case "publish":
      return "publishing…"
    case "load-subscriptions":
      return "reading your subscriptions…"
    case "fetch-projects":
      return `fetching the projects at ${request.url}…`
    case "subscribe":
      return "subscribing and fetching the files…"
    case "unsubscribe":
      return "unsubscribing…"
    case "sync":
      return "refreshing every subscription…"
  }
}

/** One request at a time: a second one asked for while the first runs is refused with a note. */
const settle = (state: HiveAppState, transition: Transition<HiveScreen>): HiveAppState => {
  const { request, notice, screen } = transition
  if (request !== undefined && state.pending !== undefined) {
    return { ...state, notice: { tone: "info", text: `still ${pendingLabel(state.pending.request)}` } }
  }
  const id = state.requests + 1
  return {
    ...state,
    screen,
    notice,
    ...(request === undefined ? {} : { pending: { id, request }, requests: id }),
  }
}

const menuKey = (state: HiveAppState, key: HiveKey): HiveAppState => {
  if (isLeave(key)) return { ...state, done: true }
  if (key.input === "1" || key.input === "p") return settle(state, openPublish())
  if (key.input === "2" || key.input === "s") return settle(state, openSubscribe())
  if (key.input === "3" || key.input === "r") return settle(state, openRefresh())
  return state
}

const viewKey = (screen: Exclude<HiveScreen, { readonly view: "menu" }>, key: HiveKey): Transition<HiveScreen> | "leave" => {
  switch (screen.view) {
    case "publish":
      return publishKey(screen, key)
    case "subscribe":
      return subscribeKey(screen, key)
    case "refresh":
      return isLeave(key) ? "leave" : key.input === "r" ? openRefresh() : { screen }
  }
}

export const onHiveKey = (state: HiveAppState, key: HiveKey): HiveAppState => {
  if (state.done) return state
  const cleared = { ...state, notice: undefined }
  if (state.screen.view === "menu") return menuKey(cleared, key)
  const next = viewKey(state.screen, key)
  // Leaving drops the view's request: its reply, when it comes, is for a view no longer shown.
  return next === "leave" ? { ...cleared, screen: { view: "menu" }, pending: undefined } : settle(cleared, next)
}

export const onHiveReply = (state: HiveAppState, id: number, reply: HiveReply): HiveAppState => {
  if (state.pending?.id !== id) return state
  const { request } = state.pending
  const settled = { ...state, pending: undefined }
  if (reply.kind === "failed") return { ...settled, notice: { tone: "error", text: `✗ ${reply.message}` } }
  switch (state.screen.view) {
    case "menu":
      return settled
    case "publish":
      return { ...settled, screen: publishReply(state.screen, reply) }
    case "subscribe":
      return { ...settled, screen: subscribeReply(state.screen, reply, request) }
    case "refresh":
      return reply.kind === "lines" ? { ...settled, screen: { view: "refresh", lines: reply.lines } } : settled
  }
}

export const hiveFooter = (screen: HiveScreen): string => {
  switch (screen.view) {
    case "menu":
      return "1 Publish · 2 Subscribe · 3 Refresh · q quit"
    case "publish":
      return publishFooter(screen)
    case "subscribe":
      return subscribeFooter(screen)
    case "refresh":
      return "r refresh again · q back"
  }
}
