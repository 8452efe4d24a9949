import type { HiveSubscription } from "./hive-actions.js"
import { type HiveKey, type HiveReply, type HiveRequest, isLeave, movedCursor, toggled, type Transition } from "./hive-transition.js"
import { applyTyping } from "./session-filter.js"

/** Where the Subscribe view is: the subscriptions, a URL being typed, its projects being chosen, or a result. */
export type SubscribeStage =
  | { readonly stage: "list"; readonly cursor: number; readonly confirmingRemoval: boolean }
  | { readonly stage: "url"; readonly url: string }
  | {
    readonly stage: "projects"
    readonly url: string
    readonly projects: ReadonlyArray<string>
    readonly chosen: ReadonlySet<string>
    readonly cursor: number
  }
  | { readonly stage: "done"; readonly lines: ReadonlyArray<string> }

export type SubscribeScreen = { readonly view: "subscribe"; readonly subscriptions: ReadonlyArray<HiveSubscription> | undefined } & SubscribeStage

const listStage = { stage: "list", cursor: 0, confirmingRemoval: false } as const

export const openSubscribe = (): Transition<SubscribeScreen> => ({
  screen: { view: "subscribe", subscriptions: undefined, ...listStage },
  request: { kind: "load-subscriptions" },
})

const listKey = (screen: SubscribeScreen & { readonly stage: "list" }, key: HiveKey): Transition<SubscribeScreen> | "leave" => {
  const subscriptions = screen.subscriptions ?? []
  const highlighted = subscriptions[screen.cursor]
  if (screen.confirmingRemoval) {
    const stays = { screen: { ...screen, confirmingRemoval: false } }
    return key.input === "y" && highlighted !== undefined ? { ...stays, request: { kind: "unsubscribe", url: highlighted.url } } : stays
  }
  if (isLeave(key)) return "leave"
  if (key.input === "n" || key.input === "/") return { screen: { view: "subscribe", subscriptions: screen.subscriptions, stage: "url", url: "" } }
  if (key.name === "enter" && highlighted !== undefined) return { screen, request: { kind: "fetch-projects", url: highlighted.url } }
  if (key.input === "d" && highlighted !== undefined) {
    return {
      screen: { ...screen, confirmingRemoval: true },
      notice: { tone: "warning", text: `⚠ press y to unsubscribe from ${highlighted.url} and remove its files, any other key to keep it` },
    }
  }
  return { screen: { ...screen, cursor: movedCursor(screen.cursor, key, subscriptions.length) } }
}

const urlKey = (screen: SubscribeScreen & { readonly stage: "url" }, key: HiveKey): Transition<SubscribeScreen> => {
  if (key.name === "escape") return { screen: { view: "subscribe", subscriptions: screen.subscriptions, ...listStage } }
  if (key.name === "backspace") return { screen: { ...screen, url: screen.url.slice(0, -1) } }
  if (key.name === "enter") {
    const url = screen.url.trim()
    return url === "" ? { screen } : { screen, request: { kind: "fetch-projects", url } }
  }
  return key.name === undefined ? { screen: { ...screen, url: applyTyping(screen.url, key.input) } } : { screen }
}

const projectsKey = (screen: SubscribeScreen & { readonly stage: "projects" }, key: HiveKey): Transition<SubscribeScreen> => {
  if (isLeave(key)) return { screen: { view: "subscribe", subscriptions: screen.subscriptions, ...listStage } }
  const highlighted = screen.projects[screen.cursor]
  if (key.input === " " && highlighted !== undefined) return { screen: { ...screen, chosen: toggled(screen.chosen, highlighted) } }
  if (key.input === "a") {
    const projects = screen.projects.filter((project) => screen.chosen.has(project))
    const earlier = screen.subscriptions?.find((subscription) => subscription.url === screen.url)
    // Every project ticked of a new URL, or of one taken whole before, keeps taking the ones the publisher adds later.
    const whole = projects.length === screen.projects.length && (earlier === undefined || earlier.projects === "all")
    // Taking none of a subscription's projects is leaving it; taking none of a new URL's is nothing to do.
    if (projects.length > 0) return { screen, request: { kind: "subscribe", url: screen.url, projects: whole ? "all" : projects } }
    return earlier !== undefined
      ? { screen, request: { kind: "unsubscribe", url: screen.url } }
      : { screen, notice: { tone: "info", text: "choose at least one project (Space), or q to go back" } }
  }
  return { screen: { ...screen, cursor: movedCursor(screen.cursor, key, screen.projects.length) } }
}

export const subscribeKey = (screen: SubscribeScreen, key: HiveKey): Transition<SubscribeScreen> | "leave" => {
  switch (screen.stage) {
    case "list":
      return listKey(screen, key)
    case "url":
      return urlKey(screen, key)
    case "projects":
      return projectsKey(screen, key)
    case "done":
      // The subscriptions changed: back to them, read anew.
      return isLeave(key) ? "leave" : openSubscribe()
  }
}

/** A URL already subscribed to starts from its projects; a new one from all of them. */
const chosenAt = (screen: SubscribeScreen, url: string, projects: ReadonlyArray<string>): ReadonlySet<string> => {
  const taken = screen.subscriptions?.find((subscription) => subscription.url === url)?.projects ?? "all"
  return new Set(taken === "all" ? projects : taken)
}

/** `request` is the one `reply` answers. */
export const subscribeReply = (screen: SubscribeScreen, reply: HiveReply, request: HiveRequest): SubscribeScreen => {
  switch (reply.kind) {
    case "subscriptions":
      return { ...screen, subscriptions: reply.subscriptions }
    case "projects":
      return request.kind !== "fetch-projects" ? screen : {
        view: "subscribe",
        subscriptions: screen.subscriptions,
        stage: "projects",
        url: request.url,
        projects: reply.projects,
        chosen: chosenAt(screen, request.url, reply.projects),
        cursor: 0,
      }
    case "lines":
      return { view: "subscribe", subscriptions: screen.subscriptions, stage: "done", lines: reply.lines }
    default:
      return screen
  }
}

export const subscribeFooter = (screen: SubscribeScreen): string => {
  switch (screen.stage) {
    case "list":
      return "n new URL · Enter change projects · d unsubscribe · ↑↓ move · q back"
    case "url":
      return "type or paste the share URL · Enter fetch its projects · Esc back"
    case "projects":
      return "↑↓ move · Space take/leave · a apply · q back"
    case "done":
      return "any key back to the subscriptions · q back"
  }
}
