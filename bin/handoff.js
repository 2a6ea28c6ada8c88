#!/usr/bin/env node
// The `handoff` command. Runs the server compiled into dist/ (see server-build.js), compiling it
// first when it is missing or its sources changed: loading one bundled file is what makes a
// restart quick. Should compiling fail (dist/ not writable, say), tsx runs the sources instead.
import console from 'node:console';
import process from 'node:process';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';
import { buildServer, currentServerBuild } from './server-build.js';

const root = fileURLToPath(new URL('..', import.meta.url));
let entry = await currentServerBuild(root);
if (!entry) {
  try {
    entry = await buildServer(root);
  } catch (error) {
    console.error(
      `Could not compile the server, running its sources instead: ${error instanceof Error ? error.message : error}`,
    );
  }
}
if (entry) {
  // Stack traces in the logs name the TypeScript sources and their lines.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/handoff.ts');
}
