// The client type the storage code is written against: what the SQLite and the PostgreSQL Prisma
// clients both offer. Both are generated from one schema (prisma/schema.postgres.prisma is derived
// from prisma/schema.prisma, and a test keeps them identical), so their models' queries and the raw
// statements have the same types, and open-database.ts assigns each client to this type without a
// cast: the compiler checks that both satisfy it. Left out are what the two do not share in types:
// $transaction's options (PostgreSQL knows more isolation levels), and aggregate and groupBy, whose
// generic signatures TypeScript cannot compare across the two generated namespaces (the stores
// group in raw SQL instead, the same statement on both databases).
import type { Types } from "@prisma/client/runtime/client";
import type { Prisma, PrismaClient as SqliteClient } from "../generated/sqlite/client.ts";

/** A model's queries, by name (without the type metadata each client keys by symbol, which differs). */
type Queries<Delegate> = Pick<Delegate, Exclude<keyof Delegate, symbol | "aggregate" | "groupBy">>;

type Models = { [M in Uncapitalize<Prisma.ModelName>]: Queries<SqliteClient[M]> };

/** The client inside an interactive transaction: the models and raw statements. */
export type DbTransaction = Models & Pick<SqliteClient, "$queryRaw" | "$executeRaw" | "$queryRawUnsafe" | "$executeRawUnsafe">;

export interface Db extends DbTransaction {
  /** The writes in one transaction, in order (one round trip with a batch). */
  $transaction<P extends Prisma.PrismaPromise<unknown>[]>(writes: [...P]): Promise<Types.Utils.UnwrapTuple<P>>;
  $transaction<R>(work: (tx: DbTransaction) => Promise<R>): Promise<R>;
  $disconnect(): Promise<void>;
}
