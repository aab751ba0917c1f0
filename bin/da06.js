#!/usr/bin/env node
// The `da06` command. The bot is written in TypeScript and runs through tsx's loader, so there is no
// build step between a fresh clone and a running bot.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
