// Raw SQL on the driver under the Prisma client (the pg pool, or the PGlite instance), for the statements
// every update runs. Measured (bench/throughput.ts, docs/throughput.md): Prisma adds 1.0–1.5 ms of CPU to
// each statement, raw or not (the request pipeline and its query compiler), against 0.2–0.5 ms for the same
// statement on the driver; with a dozen statements per update that was most of the product's CPU.
//
// Queries are still written with Prisma.sql (the same escaping of values), and their rows come back typed as
// $queryRaw gives them, whatever the driver or the process's time zone: bigint for int8, Date for timestamp
// (stored as UTC wall time, Prisma's convention) and date (midnight UTC), parsed JSON. Parameters are sent
// the way Prisma sends them: a Date as its UTC time, a bigint as digits, an object as JSON.
import { parse, protocol, type PGlite } from "@electric-sql/pglite";
import type { Prisma, PrismaClient } from "@prisma/client";
import type pg from "pg";

export interface DriverSql {
  /** The statement's rows, typed as prisma.$queryRaw would give them. */
  rows<T>(query: Prisma.Sql): Promise<T[]>;
  /** The number of rows the statement changed, as prisma.$executeRaw gives it. */
  execute(query: Prisma.Sql): Promise<number>;
}

/** Statements prepared per connection at most: a text that varies (a list of paths) is not prepared again and again. */
const preparedLimit = 200;

const oid = { int8: 20, timestamp: 1114, date: 1082 } as const;

/** Text of a `timestamp without time zone` (UTC wall time, Prisma's convention) → Date. */
const parseTimestamp = (text: string): Date => new Date(`${text.replace(" ", "T")}Z`);
/** Text of a `date` → midnight UTC, as Prisma returns @db.Date. */
const parseDate = (text: string): Date => new Date(`${text}T00:00:00Z`);
const parseInt8 = (text: string): bigint => BigInt(text);

/** A parameter as Prisma would send it; the drivers' own conversions depend on the process's time zone. */
function driverParam(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(driverParam);
  if (typeof value === "object" && !(value instanceof Uint8Array)) return JSON.stringify(value);
  return value;
}

/** Type parsers for pg: int8, timestamp and date as above, the rest as pg parses them. */
function prismaLikeTypes(base: typeof pg.types): pg.CustomTypesConfig {
  return {
    getTypeParser: ((id: number, format?: "text" | "binary") => {
      if (format !== "binary") {
        if (id === oid.int8) return parseInt8;
        if (id === oid.timestamp) return parseTimestamp;
        if (id === oid.date) return parseDate;
      }
      return base.getTypeParser(id, format ?? "text");
    }) as pg.CustomTypesConfig["getTypeParser"],
  };
}

/** `types` is pg itself (the module's `types`), passed in so that this file only imports pg's types. */
export function pgDriverSql(pool: pg.Pool, types: typeof pg.types): DriverSql {
  // Per query, not on the pool: the pool's other users (migrations, maintenance) keep pg's own parsing.
  const parsers = prismaLikeTypes(types);
  // Named, so each connection parses and plans a statement once and reuses it (measured: the ratio of the
  // throughput bench went from 0.25 to 0.29–0.31). Only the first `preparedLimit` texts are named.
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (!name && names.size < preparedLimit) {
      name = `driver_${names.size}`;
      names.set(text, name);
    }
    return name;
  };
  const run = (query: Prisma.Sql) =>
    pool.query({ name: nameOf(query.text), text: query.text, values: query.values.map(driverParam), types: parsers });
  return {
    rows: async <T>(query: Prisma.Sql) => (await run(query)).rows as T[],
    execute: async (query) => (await run(query)).rowCount ?? 0,
  };
}

const pgliteParsers = { [oid.int8]: parseInt8, [oid.timestamp]: parseTimestamp, [oid.date]: parseDate };

/**
 * On PGlite, PGlite's query() parses, analyses and plans every statement again (six calls into the
 * database per statement); for the bot's statements that was ~90% of their cost (measured: 2.4 ms of CPU
 * for the person's profile, 0.26 ms prepared). So each statement is prepared once under a name (the first
 * `preparedLimit` texts, as on pg) and then only bound and executed, through PGlite's wire-protocol entry
 * with the same two locks its query() takes: no statement runs inside another caller's transaction.
 */
export function pgliteDriverSql(client: PGlite): DriverSql {
  // PGlite's own parsers as they are when a statement runs (it adds array types in place), ours first.
  const parsers = Object.assign(Object.create(client.parsers) as typeof client.parsers, pgliteParsers);
  const prepared = new Map<string, { name: string; paramTypes: number[] }>();
  const concat = (parts: Uint8Array[]): Uint8Array => {
    const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  };
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> =>
    client._runExclusiveTransaction(() => client._runExclusiveQuery(fn));
  const statementOf = async (text: string) => {
    const known = prepared.get(text);
    if (known || prepared.size >= preparedLimit) return known ?? null;
    const name = `driver_${prepared.size}`;
    const { messages } = await client.execProtocol(
      concat([
        protocol.serialize.parse({ name, text, types: [] }),
        protocol.serialize.describe({ type: "S", name }),
        protocol.serialize.sync(),
      ]),
    );
    const statement = { name, paramTypes: parse.parseDescribeStatementResults(messages) };
    prepared.set(text, statement);
    return statement;
  };
  const run = (query: Prisma.Sql) =>
    exclusive(async () => {
      const values = query.values.map(driverParam);
      const statement = await statementOf(query.text);
      if (!statement)
        return (await client.query(query.text, values, { parsers: pgliteParsers })) as {
          rows: unknown[];
          affectedRows?: number;
        };
      const serialized = values.map((value, index) => {
        if (value === null) return null;
        const serialize = client.serializers[statement.paramTypes[index]!];
        return serialize ? serialize(value) : String(value);
      });
      const { messages } = await client.execProtocol(
        concat([
          protocol.serialize.bind({ statement: statement.name, values: serialized }),
          protocol.serialize.describe({ type: "P" }),
          protocol.serialize.execute({}),
          protocol.serialize.sync(),
        ]),
      );
      return parse.parseResults(messages, parsers)[0]!;
    });
  return {
    rows: async <T>(query: Prisma.Sql) => (await run(query)).rows as T[],
    execute: async (query) => (await run(query)).affectedRows ?? 0,
  };
}

// Which driver a Prisma client runs on; registered where both are built (src/db/client.ts). A client built
// elsewhere (a test's own) runs these statements through Prisma, with the same results.
// An interactive transaction's client is not registered: its statements must run inside it, through Prisma.
const drivers = new WeakMap<object, DriverSql>();

export function registerDriverSql(prisma: PrismaClient, driver: DriverSql): void {
  drivers.set(prisma, driver);
}

export function driverSql(prisma: Pick<PrismaClient, "$queryRaw" | "$executeRaw">): DriverSql {
  return (
    drivers.get(prisma) ?? {
      rows: <T>(query: Prisma.Sql) => prisma.$queryRaw<T[]>(query),
      execute: (query) => prisma.$executeRaw(query),
    }
  );
}
