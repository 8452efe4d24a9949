import { Console } from "effect"

export const printJson = (value: unknown) => Console.log(JSON.stringify(value, null, 2))
