import { describe, expect, it } from "vitest"
import { fitToWidth, truncateToWidth, wrapToWidth } from "../../src/terminal/display-width.js"
import { printableLine, printableText } from "../../src/terminal/printable-text.js"
import stringWidth from "string-width"

describe("printable text", () => {
  it("shows C0, DEL, C1 and bidi overrides as stand-ins; a line's breaks become spaces", () => {
    expect(printableLine("a\u001b[31mb\u0007c\u007fd\u009be\u202ef\r\ng\th")).toBe("a␛[31mb␇c␡d\ufffde\ufffdf g h")
  })

  it("keeps a body's line breaks and tabs", () => {
    expect(printableText("one\r\ntwo\tthree\u001b]0;x\u0007")).toBe("one\ntwo\tthree␛]0;x␇")
  })
})

describe("display width", () => {
  it("cuts and pads by terminal columns, whole graphemes only", () => {
    expect(truncateToWidth("ログイン修正", 7)).toBe("ログイ…")
    expect(truncateToWidth("👍🏽👍🏽👍🏽", 5)).toBe("👍🏽👍🏽…")
    expect(stringWidth(fitToWidth("🚀 go", 8))).toBe(8)
    expect(wrapToWidth("ログインテスト", 6)).toEqual(["ログイ", "ンテス", "ト"])
  })
})
