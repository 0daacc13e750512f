// Settings of the benchmarks from the environment.

/** A positive whole number from the environment variable `name`, or `fallback` when it is unset or not one. */
export function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}
