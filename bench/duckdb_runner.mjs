// bench/scale's DuckDB side: node duckdb_runner.mjs JOB.json
// JOB: {"load": [SQL, ...], "queries": {"name": SQL, ...}}. Runs the load
// statements in a fresh in-memory database (timed together), then each query
// (timed alone, after one untimed warm-up run), and prints one JSON object:
// {"load_s": S, "queries": {"name": {"s": S, "rows": [[...], ...]}}}.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const con = await instance.connect();
const now = () => Number(process.hrtime.bigint()) / 1e9;

let start = now();
for (const sql of job.load) await con.run(sql);
const out = { load_s: now() - start, queries: {} };
for (const [name, sql] of Object.entries(job.queries)) {
  await con.runAndReadAll(sql);
  start = now();
  const reader = await con.runAndReadAll(sql);
  const s = now() - start;
  out.queries[name] = { s, rows: reader.getRowsJson() };
}
console.log(JSON.stringify(out));
