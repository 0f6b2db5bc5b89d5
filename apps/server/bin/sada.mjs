#!/usr/bin/env node
// The `sada` command: runs the TypeScript CLI through tsx, resolved from this package.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/cli.ts');
