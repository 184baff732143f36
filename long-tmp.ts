import { benchPictures } from "./tests/bench/pictures-bench.ts";
import { formatTable } from "./tests/bench/bench-table.ts";
const rows = await benchPictures({ reviews: 100_000, calls: 5, memoryPictures: 4_000 }, (s) => console.error(s));
console.log(formatTable(rows));
