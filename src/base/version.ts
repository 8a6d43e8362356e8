import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// src/base/ and dist/base/ are both two levels below package.json.
const pkg = require('../../package.json') as { name: string; version: string };

export const TOOL_NAME = pkg.name;
export const TOOL_VERSION = pkg.version;
