import { actionsIo } from '../../_shell/src/io.js';
import { run } from './run.js';

await run(actionsIo, process.env.GITHUB_WORKSPACE ?? process.cwd());
