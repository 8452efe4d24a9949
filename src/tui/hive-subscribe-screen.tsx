import { Box, Text } from "ink"
import { printableLine } from "../terminal/printable-text.js"
import type { HiveSubscription } from "./hive-actions.js"
import { HiveList } from "./hive-list.js"
import type { SubscribeScreen } from "./hive-subscribe-model.js"

const projectsText = (subscription: HiveSubscription) =>
  subscription.projects === "all" ? "every project" : subscription.projects.map(printableLine).join(", ")

/** The subscriptions; a URL being typed; the projects at a URL with their toggles; or what an apply did. */
export const SubscribeView = ({ screen, listHeight }: { readonly screen: SubscribeScreen; readonly listHeight: number }) => {
  switch (screen.stage) {
    case "list": {
      const subscriptions = screen.subscriptions
      if (subscriptions === undefined) return null
      if (subscriptions.length === 0) return <Text>No subscriptions yet: press n and paste the share URL a teammate gave you.</Text>
      return (
        <HiveList
          cursorRow={screen.cursor}
          visible={listHeight}
          rows={subscriptions.map((subscription) => ({
            key: subscription.url,
            selectable: true,
            content: (
              <Text>
                {printableLine(subscription.url)} <Text dimColor>({projectsText(subscription)}) · {subscription.files} file(s)</Text>
                {subscription.lastError === null ? "" : <Text color="red"> ✗ {printableLine(subscription.lastError)}</Text>}
              </Text>
            ),
          }))}
        />
      )
    }
    case "url":
      return (
        <Text wrap="wrap">
          Share URL: {printableLine(screen.url)}<Text inverse>▏</Text>
        </Text>
      )
    case "projects":
      return (
        <Box flexDirection="column">
          <Text wrap="truncate-end">Projects published at {printableLine(screen.url)}:</Text>
          {screen.projects.length === 0
            ? <Text>None yet: the publisher has shared no files.</Text>
            : (
              <HiveList
                cursorRow={screen.cursor}
                visible={listHeight - 1}
                rows={screen.projects.map((project) => ({
                  key: project,
                  selectable: true,
                  content: <Text>{screen.chosen.has(project) ? <Text color="green">[x]</Text> : "[ ]"} {printableLine(project)}</Text>,
                }))}
              />
            )}
        </Box>
      )
    case "done":
      return (
        <Box flexDirection="column">
          {screen.lines.slice(0, Math.max(1, listHeight)).map((line, index) => <Text key={index} wrap="truncate-end">{printableLine(line)}</Text>)}
        </Box>
      )
  }
}
