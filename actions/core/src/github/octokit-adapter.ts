/**
 * Adapts an Octokit with the rest-endpoint-methods and paginate plugins (what `@actions/github`'s
 * `getOctokit()` and `@octokit/rest`'s `Octokit` return) to the narrow GitHubRestClient. Only the
 * methods used are required, so any Octokit of the same plugin majors fits.
 */
import type { Octokit } from '@octokit/rest';
import type { GitHubRestClient } from './client.js';

type RestMethods = Octokit['rest'];

/** The part of an Octokit the adapter uses. */
export interface OctokitWithRestAndPaginate {
  rest: {
    issues: Pick<RestMethods['issues'], 'listComments' | 'createComment' | 'updateComment'>;
    repos: Pick<
      RestMethods['repos'],
      'get' | 'getRelease' | 'updateRelease' | 'getContent' | 'createOrUpdateFileContents'
    >;
    git: Pick<RestMethods['git'], 'getRef' | 'createRef'>;
  };
  paginate: Pick<Octokit['paginate'], 'iterator'>;
}

export function githubClientFromOctokit(octokit: OctokitWithRestAndPaginate): GitHubRestClient {
  const { issues, repos, git } = octokit.rest;
  return {
    async *listIssueCommentPages(params) {
      for await (const page of octokit.paginate.iterator(issues.listComments, params)) yield page.data;
    },
    createIssueComment: async (params) => (await issues.createComment(params)).data,
    updateIssueComment: async (params) => (await issues.updateComment(params)).data,
    getRelease: async (params) => (await repos.getRelease(params)).data,
    updateRelease: async (params) => (await repos.updateRelease(params)).data,
    getRepository: async (params) => (await repos.get(params)).data,
    getContent: async (params) => (await repos.getContent(params)).data,
    createOrUpdateFileContents: async (params) => (await repos.createOrUpdateFileContents(params)).data,
    getRef: async (params) => (await git.getRef(params)).data,
    createRef: async (params) => (await git.createRef(params)).data,
  };
}
