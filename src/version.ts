import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// src/ and dist/ are both one level below package.json.
const pkg = require('../package.json') as { name: string; version: string };

export const TOOL_NAME = pkg.name;
export const TOOL_VERSION = pkg.version;
