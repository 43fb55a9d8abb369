import { githubClientFromOctokit } from '@mlperf/core/github/index';
import { Octokit } from '@octokit/rest';
import { actionsIo } from '../../_shell/src/io.js';
import { run } from './run.js';

await run(actionsIo, {
  github: (token) =>
    githubClientFromOctokit(
      new Octokit({ auth: token, baseUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com' }),
    ),
  now: () => new Date(),
  env: process.env,
  workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
});
