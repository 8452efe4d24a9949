/**
 * A model's family for display: `claude-opus-4-6` → "Opus 4.6", `claude-haiku-4-5-20251001` →
 * "Haiku 4.5", `claude-3-5-sonnet-20241022` → "Sonnet 3.5". Unknown names are shown as they are.
 */
export const modelFamily = (model: string): string => {
  const name = model.replace(/-\d{8}$/, "")
  const modern = /^claude-(opus|sonnet|haiku)-(\d+)(?:-(\d+))?$/.exec(name)
  const legacy = /^claude-(\d+)(?:-(\d+))?-(opus|sonnet|haiku)$/.exec(name)
  const capital = (text: string) => `${text[0]?.toUpperCase() ?? ""}${text.slice(1)}`
  if (modern) return `${capital(modern[1]!)} ${modern[2]}${modern[3] === undefined ? "" : `.${modern[3]}`}`
  if (legacy) return `${capital(legacy[3]!)} ${legacy[1]}${legacy[2] === undefined ? "" : `.${legacy[2]}`}`
  return model
}
