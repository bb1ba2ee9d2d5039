// Preloaded into the command line import the benchmark starts (`node --import tsx --import ./bench/rss-at-exit.ts
// src/cli/main.ts import rna …`): at exit, writes the process's resource usage (peak resident memory, CPU times) as
// JSON to the file named by BENCH_RESOURCE_FILE. The CLI itself is not changed, and the child's peak is its own
// (the parent's memory is not counted).
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RESOURCE_FILE;
if (file) process.on('exit', () => writeFileSync(file, JSON.stringify(process.resourceUsage())));
