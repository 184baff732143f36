// Counts the SQL statements Prisma sends through a driver adapter, for the benchmarks' statements
// per interaction. Prisma's query events could count them too, but each event is a timestamped
// object carrying the statement's text and parameters: enough work and garbage to move the very
// latencies the count is printed beside. This adds one function call per statement.
interface Queryable {
  queryRaw(query: unknown): Promise<unknown>;
  executeRaw(query: unknown): Promise<unknown>;
}

interface Connection extends Queryable {
  startTransaction(...args: never[]): Promise<Queryable>;
}

function countOn<Q extends Queryable>(target: Q, onStatement: () => void): Q {
  const queryRaw = target.queryRaw.bind(target);
  const executeRaw = target.executeRaw.bind(target);
  target.queryRaw = (query) => {
    onStatement();
    return queryRaw(query);
  };
  target.executeRaw = (query) => {
    onStatement();
    return executeRaw(query);
  };
  return target;
}

/** Calls onStatement for every statement run on the factory's connections and their transactions. */
export function countStatements<F extends { connect(): Promise<Connection> }>(factory: F, onStatement: () => void): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = countOn(await connect(), onStatement);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => countOn(await startTransaction(...args), onStatement);
    return adapter;
  };
  return factory;
}
