import * as core from '@actions/core';
import { run } from './run.js';

await run(core, process.env.GITHUB_WORKSPACE ?? process.cwd());
