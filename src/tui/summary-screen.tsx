import { Box, Text, useInput } from "ink"
import { useEffect, useState } from "react"
import { modelFamily } from "../sessions/model-family.js"
import type { Period, UsageRow } from "../sessions/usage-summary.js"
import { humanCount, humanUsd } from "../snapshot/banner-text.js"
import type { BrowserActions, SummaryData } from "./browser-model.js"
import { colourOf, type Segment, StackedBar } from "./stacked-bar.js"

type Metric = "tokens" | "cost"
const periodName: Record<Period, string> = { h: "hour", d: "day", m: "month" }

const valueOf = (row: { readonly total_tokens: number; readonly cost_usd: number }, metric: Metric) =>
  metric === "cost" ? row.cost_usd : row.total_tokens

/** Per bucket (empty ones too), the models' values: the stacked segments of one bar. */
const buckets = (labels: ReadonlyArray<string>, rows: ReadonlyArray<UsageRow>, metric: Metric) => {
  const byPeriod = new Map<string, Array<Segment>>(labels.map((label) => [label, []]))
  for (const row of rows) byPeriod.set(row.period, [...(byPeriod.get(row.period) ?? []), { model: row.model, value: valueOf(row, metric) }])
  return [...byPeriod].sort(([a], [b]) => a.localeCompare(b))
}

const families = (rows: ReadonlyArray<UsageRow>) => [...new Set(rows.map((row) => modelFamily(row.model)))]

export const SummaryScreen = ({ actions, width, onBack }: {
  readonly actions: Pick<BrowserActions, "loadSummary">
  readonly width: number
  readonly onBack: () => void
}) => {
  const [period, setPeriod] = useState<Period>("d")
  const [metric, setMetric] = useState<Metric>("tokens")
  const [data, setData] = useState<SummaryData | undefined>(undefined)

  useEffect(() => {
    let current = true
    setData(undefined)
    actions.loadSummary(period).then((loaded) => current && setData(loaded), () => undefined)
    return () => {
      current = false
    }
  }, [period, actions])

  useInput((input, key) => {
    if (input === "q" || key.escape) return onBack()
    if (input === "t") return setMetric(metric === "tokens" ? "cost" : "tokens")
    if (input === "h" || input === "d" || input === "m") return setPeriod(input)
  })

  const format = (value: number) => (metric === "cost" ? humanUsd(value) : humanCount(value))
  const barWidth = Math.max(10, width - 30)
  if (data === undefined) return <Text>Loading the summary…</Text>
  const bars = buckets(data.buckets, data.rows, metric)
  const max = Math.max(0, ...bars.map(([, segments]) => segments.reduce((sum, segment) => sum + segment.value, 0)))
  const byModel = [...new Map(data.rows.map((row) => [row.model, 0])).keys()].map((model) => ({
    model,
    value: data.rows.filter((row) => row.model === model).reduce((sum, row) => sum + valueOf(row, metric), 0),
  }))
  const components = (["input_tokens", "output_tokens", "cache_write_tokens", "cache_read_tokens"] as const).map((field) => ({
    name: field.replace("_tokens", "").replace("_", " "),
    value: data.rows.reduce((sum, row) => sum + row[field], 0),
  }))
  const componentMax = Math.max(0, ...components.map((component) => component.value))
  const projectMax = Math.max(0, ...data.byProject.map((project) => valueOf(project, metric)))
  const modelMax = Math.max(0, ...byModel.map((model) => model.value))

  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>Summary</Text> — {metric} by {periodName[period]}, {data.range}
      </Text>
      {data.rows.length === 0 ? <Text dimColor>No usage recorded yet.</Text> : null}
      {bars.map(([label, segments]) => <StackedBar key={label} label={label} segments={segments} max={max} width={barWidth} format={format} />)}
      <Text>
        {families(data.rows).map((family) => <Text key={family} color={colourOf(family)}>█ {family}  </Text>)}
      </Text>
      <Text bold>By project</Text>
      {data.byProject.slice(0, 8).map((project) => (
        <Text key={project.project}>
          {project.project.slice(0, 13).padEnd(14)}
          {"█".repeat(projectMax === 0 ? 0 : Math.round((valueOf(project, metric) / projectMax) * barWidth))} {format(valueOf(project, metric))}
        </Text>
      ))}
      <Text bold>By model</Text>
      {byModel.map((model) => <StackedBar key={model.model} label={modelFamily(model.model)} segments={[model]} max={modelMax} width={barWidth} format={format} />)}
      <Text bold>By token component</Text>
      {components.map((component) => (
        <Text key={component.name}>
          {component.name.padEnd(14)}
          {"█".repeat(componentMax === 0 ? 0 : Math.round((component.value / componentMax) * barWidth))} {humanCount(component.value)}
        </Text>
      ))}
      <Text dimColor>t tokens/cost · h hours · d days · m months · q back</Text>
    </Box>
  )
}
