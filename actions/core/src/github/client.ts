/**
 * The few GitHub REST calls the reporting sinks make, as a narrow interface typed with Octokit's own
 * endpoint types. Core never imports `@actions/*`: an action passes `githubClientFromOctokit(octokit)`
 * (octokit-adapter.ts), and tests pass a real Octokit that talks to an in-memory fake of GitHub.
 *
 * Every method resolves with the response body and rejects on a non-2xx answer with an error that
 * carries the HTTP `status` (Octokit's RequestError does), which the sinks read with `httpStatus`.
 */
import type { RestEndpointMethodTypes } from '@octokit/rest';

type Rest = RestEndpointMethodTypes;
/** The parameters of one endpoint, exactly as Octokit declares them. */
type Params<E extends { parameters: unknown }> = E['parameters'];
/** The response body of one endpoint, exactly as Octokit declares it. */
type Data<E extends { response: { data: unknown } }> = E['response']['data'];

export type IssueComment = Data<Rest['issues']['getComment']>;
export type Release = Data<Rest['repos']['getRelease']>;
export type RepositoryContent = Data<Rest['repos']['getContent']>;
export type GitRef = Data<Rest['git']['getRef']>;

export interface GitHubRestClient {
  /** GET /repos/{owner}/{repo}/issues/{issue_number}/comments, one page at a time (Link rel="next"). */
  listIssueCommentPages(params: Params<Rest['issues']['listComments']>): AsyncIterable<IssueComment[]>;
  /** POST /repos/{owner}/{repo}/issues/{issue_number}/comments */
  createIssueComment(params: Params<Rest['issues']['createComment']>): Promise<IssueComment>;
  /** PATCH /repos/{owner}/{repo}/issues/comments/{comment_id} */
  updateIssueComment(params: Params<Rest['issues']['updateComment']>): Promise<IssueComment>;
  /** GET /repos/{owner}/{repo}/releases/{release_id} */
  getRelease(params: Params<Rest['repos']['getRelease']>): Promise<Release>;
  /** PATCH /repos/{owner}/{repo}/releases/{release_id} */
  updateRelease(params: Params<Rest['repos']['updateRelease']>): Promise<Release>;
  /** GET /repos/{owner}/{repo}: for the default branch. */
  getRepository(params: Params<Rest['repos']['get']>): Promise<Data<Rest['repos']['get']>>;
  /** GET /repos/{owner}/{repo}/contents/{path}?ref= */
  getContent(params: Params<Rest['repos']['getContent']>): Promise<RepositoryContent>;
  /** PUT /repos/{owner}/{repo}/contents/{path} */
  createOrUpdateFileContents(
    params: Params<Rest['repos']['createOrUpdateFileContents']>,
  ): Promise<Data<Rest['repos']['createOrUpdateFileContents']>>;
  /** GET /repos/{owner}/{repo}/git/ref/{ref}, e.g. ref `heads/main`. */
  getRef(params: Params<Rest['git']['getRef']>): Promise<GitRef>;
  /** POST /repos/{owner}/{repo}/git/refs, e.g. ref `refs/heads/mlperf-history`. */
  createRef(params: Params<Rest['git']['createRef']>): Promise<GitRef>;
}

/** The HTTP status of a failed call, or undefined when the error did not come from an HTTP answer. */
export function httpStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  const { status } = error;
  return typeof status === 'number' ? status : undefined;
}

/** The error's own message, for wrapping it in one that says what was being done. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
