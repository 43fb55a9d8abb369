/**
 * A request-level fake of GitHub's REST API for the reporting sinks: a real Octokit (from
 * @octokit/rest) whose `fetch` is served from an in-memory world of repositories with issue
 * comments, releases, branches, commits and files. It answers the way GitHub does where the sinks
 * depend on it: status codes (201 on create, 404 for a missing file, branch or release, 409 for a
 * stale blob sha, 422 for a missing sha, an existing ref or a body over GitHub's limit), JSON bodies
 * typed with Octokit's own response types, `Link` headers (rel="next"/"prev"/"first"/"last")
 * honouring `per_page` and `page` for comments, and base64 file content wrapped at 60 characters.
 *
 * Every request is recorded, and `beforeRequest` lets a test act between a read and a write, e.g.
 * as a concurrent writer of the same history file.
 */
import { createHash } from 'node:crypto';
import { Octokit, type RestEndpointMethodTypes } from '@octokit/rest';

type Rest = RestEndpointMethodTypes;
type Data<E extends { response: { data: unknown } }> = E['response']['data'];
type CommentBody = Data<Rest['issues']['getComment']>;
type ReleaseBody = Data<Rest['repos']['getRelease']>;
type RepositoryBody = Data<Rest['repos']['get']>;
type FileBody = Extract<Data<Rest['repos']['getContent']>, { type: 'file' }>;
type DirectoryBody = Extract<Data<Rest['repos']['getContent']>, unknown[]>;
type FileCommitBody = Data<Rest['repos']['createOrUpdateFileContents']>;
type RefBody = Data<Rest['git']['getRef']>;
type SimpleUser = ReleaseBody['author'];

export const FAKE_API = 'https://api.github.test';
const WEB = 'https://github.test';
const COMMENT_LIMIT = 65_536;
const RELEASE_LIMIT = 125_000;

export interface RecordedRequest {
  method: string;
  /** The path without the query, e.g. /repos/o/r/issues/1/comments. */
  path: string;
  query: URLSearchParams;
  /** The parsed JSON body, if any. */
  body: Record<string, unknown> | undefined;
}

interface StoredComment {
  id: number;
  body: string;
  createdAt: string;
  updatedAt: string;
}

interface StoredRelease {
  id: number;
  tag: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  createdAt: string;
  publishedAt: string | null;
}

/** A commit: the whole tree as path → text (small repositories only). */
interface Commit {
  sha: string;
  files: Map<string, string>;
}

interface Repository {
  id: number;
  owner: string;
  name: string;
  defaultBranch: string;
  issues: Map<number, StoredComment[]>;
  releases: Map<number, StoredRelease>;
  commits: Map<string, Commit>;
  /** Branch name → commit sha. */
  branches: Map<string, string>;
}

class HttpAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

const notFound = (message = 'Not Found') =>
  new HttpAnswer(404, { message, documentation_url: 'https://docs.github.com/rest', status: '404' });

function validationFailed(resource: string, field: string, message: string): HttpAnswer {
  return new HttpAnswer(422, {
    message: 'Validation Failed',
    errors: [{ resource, code: 'custom', field, message }],
    documentation_url: 'https://docs.github.com/rest',
    status: '422',
  });
}

/** Git's blob id: sha1 of "blob <bytes>\0<content>". */
export function blobSha(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
    .digest('hex');
}

/** GitHub wraps base64 content at 60 characters. */
function wrappedBase64(text: string): string {
  return (
    Buffer.from(text, 'utf8')
      .toString('base64')
      .match(/.{1,60}/g)
      ?.join('\n')
      .concat('\n') ?? ''
  );
}

function user(login: string, id: number): SimpleUser {
  const url = `${FAKE_API}/users/${login}`;
  return {
    login,
    id,
    node_id: `U_${id}`,
    avatar_url: `https://avatars.github.test/u/${id}`,
    gravatar_id: '',
    url,
    html_url: `${WEB}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    site_admin: false,
  };
}

const BOT = user('github-actions[bot]', 41898282);

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  /** Runs before each request is served, with the world as it is at that moment. */
  beforeRequest: ((request: RecordedRequest) => void) | undefined;

  private readonly repos = new Map<string, Repository>();
  private nextId = 1000;
  private clock = Date.parse('2025-06-01T00:00:00Z');

  // ---------------------------------------------------------------- building the world

  addRepository(owner: string, name: string, options: { defaultBranch?: string } = {}): void {
    const defaultBranch = options.defaultBranch ?? 'main';
    const initial: Commit = { sha: this.commitSha(), files: new Map([['README.md', `# ${name}\n`]]) };
    this.repos.set(`${owner}/${name}`, {
      id: this.id(),
      owner,
      name,
      defaultBranch,
      issues: new Map(),
      releases: new Map(),
      commits: new Map([[initial.sha, initial]]),
      branches: new Map([[defaultBranch, initial.sha]]),
    });
  }

  /** Adds comments to an issue (oldest first), each a minute after the last; returns their ids. */
  addComments(owner: string, name: string, issue: number, bodies: readonly string[]): number[] {
    const repo = this.repo(owner, name);
    const list = repo.issues.get(issue) ?? [];
    repo.issues.set(issue, list);
    return bodies.map((body) => {
      const at = this.tick();
      const comment = { id: this.id(), body, createdAt: at, updatedAt: at };
      list.push(comment);
      return comment.id;
    });
  }

  addRelease(
    owner: string,
    name: string,
    release: { tag: string; body: string | null; draft?: boolean; prerelease?: boolean },
  ): number {
    const id = this.id();
    const at = this.tick();
    const draft = release.draft ?? false;
    this.repo(owner, name).releases.set(id, {
      id,
      tag: release.tag,
      name: release.tag,
      body: release.body,
      draft,
      prerelease: release.prerelease ?? false,
      createdAt: at,
      publishedAt: draft ? null : at,
    });
    return id;
  }

  /** Writes a file straight into a branch, as another writer's commit would. */
  commitFile(owner: string, name: string, branch: string, path: string, text: string): void {
    const repo = this.repo(owner, name);
    const head = repo.branches.get(branch);
    if (head === undefined) throw new Error(`fake: no branch ${branch}`);
    this.commit(repo, branch, head, path, text);
  }

  // ---------------------------------------------------------------- reading the world

  comments(owner: string, name: string, issue: number): readonly StoredComment[] {
    return this.repo(owner, name).issues.get(issue) ?? [];
  }

  release(owner: string, name: string, id: number): StoredRelease {
    const release = this.repo(owner, name).releases.get(id);
    if (release === undefined) throw new Error(`fake: no release ${id}`);
    return release;
  }

  branchHead(owner: string, name: string, branch: string): string | undefined {
    return this.repo(owner, name).branches.get(branch);
  }

  file(owner: string, name: string, branch: string, path: string): string | undefined {
    const repo = this.repo(owner, name);
    const head = repo.branches.get(branch);
    return head === undefined ? undefined : repo.commits.get(head)?.files.get(path);
  }

  /** Requests made with `method` whose path matches. */
  made(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((request) => request.method === method && path.test(request.path));
  }

  /** What Octokit logged (its request log names every failed request); kept here instead of stderr. */
  readonly logged: string[] = [];

  /** A real Octokit that talks to this fake. */
  octokit(): Octokit {
    const keep = (level: string) => (message: string) => {
      this.logged.push(`${level}: ${message}`);
    };
    return new Octokit({
      baseUrl: FAKE_API,
      request: { fetch: this.fetch },
      log: { debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') },
    });
  }

  // ---------------------------------------------------------------- the HTTP side

  readonly fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init.method ?? 'GET').toUpperCase();
    const text = typeof init.body === 'string' ? init.body : undefined;
    const request: RecordedRequest = {
      method,
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      body: text === undefined || text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>),
    };
    this.requests.push(request);
    this.beforeRequest?.(request);
    let answer: HttpAnswer;
    try {
      answer = this.route(request, url.pathname);
    } catch (error) {
      if (!(error instanceof HttpAnswer)) throw error;
      answer = error;
    }
    return new Response(answer.status === 204 ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...answer.headers },
    });
  };

  private route(request: RecordedRequest, rawPath: string): HttpAnswer {
    const { method, body } = request;
    const byId = /^\/repositories\/(\d+)(\/.*)$/.exec(rawPath);
    const [, owner = '', name = '', rest = ''] = byId
      ? ['', ...this.repoById(Number(byId[1])), byId[2]]
      : (/^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(rawPath) ?? []);
    if (owner === '') return notFound();
    const repo = this.repos.get(`${owner}/${name}`);
    if (repo === undefined) return notFound();

    const param = (pattern: RegExp) => {
      const found = pattern.exec(rest)?.[1];
      return found === undefined ? undefined : decodeURIComponent(found);
    };
    if (rest === '' && method === 'GET') return new HttpAnswer(200, this.repositoryBody(repo));
    const issue = param(/^\/issues\/(\d+)\/comments$/);
    if (issue !== undefined && method === 'GET') return this.listComments(repo, Number(issue), request.query);
    if (issue !== undefined && method === 'POST') return this.createComment(repo, Number(issue), body);
    const commentId = param(/^\/issues\/comments\/(\d+)$/);
    if (commentId !== undefined && method === 'PATCH')
      return this.updateComment(repo, Number(commentId), body);
    const releaseId = param(/^\/releases\/(\d+)$/);
    if (releaseId !== undefined) {
      const release = repo.releases.get(Number(releaseId));
      if (release === undefined) return notFound();
      if (method === 'GET') return new HttpAnswer(200, this.releaseBody(repo, release));
      if (method === 'PATCH') return this.updateRelease(repo, release, body);
    }
    const path = param(/^\/contents\/(.+)$/);
    if (path !== undefined && method === 'GET') {
      return this.getContent(repo, path, request.query.get('ref') ?? repo.defaultBranch);
    }
    if (path !== undefined && method === 'PUT') return this.putContent(repo, path, body);
    const ref = param(/^\/git\/ref\/(.+)$/);
    if (ref !== undefined && method === 'GET') return this.getRef(repo, ref);
    if (rest === '/git/refs' && method === 'POST') return this.createRef(repo, body);
    return notFound();
  }

  // ---------------------------------------------------------------- comments

  private listComments(repo: Repository, issue: number, query: URLSearchParams): HttpAnswer {
    const all = repo.issues.get(issue) ?? [];
    const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30)));
    const page = Math.max(1, Number(query.get('page') ?? 1));
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const items = all
      .slice((page - 1) * perPage, page * perPage)
      .map((c) => this.commentBody(repo, issue, c));
    // GitHub's links name the repository by id; Octokit follows whatever URL it is given.
    const link = (to: number, rel: string) =>
      `<${FAKE_API}/repositories/${repo.id}/issues/${issue}/comments?per_page=${perPage}&page=${to}>; rel="${rel}"`;
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, 'prev'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'));
    return new HttpAnswer(200, items, links.length === 0 ? {} : { link: links.join(', ') });
  }

  private createComment(repo: Repository, issue: number, body: RecordedRequest['body']): HttpAnswer {
    const text = body?.body;
    if (typeof text !== 'string') return validationFailed('IssueComment', 'body', 'body is missing');
    if (text.length > COMMENT_LIMIT) {
      return validationFailed(
        'IssueComment',
        'body',
        `body is too long (maximum is ${COMMENT_LIMIT} characters)`,
      );
    }
    const at = this.tick();
    const comment = { id: this.id(), body: text, createdAt: at, updatedAt: at };
    const list = repo.issues.get(issue) ?? [];
    list.push(comment);
    repo.issues.set(issue, list);
    return new HttpAnswer(201, this.commentBody(repo, issue, comment));
  }

  private updateComment(repo: Repository, id: number, body: RecordedRequest['body']): HttpAnswer {
    for (const [issue, list] of repo.issues) {
      const comment = list.find((candidate) => candidate.id === id);
      if (comment === undefined) continue;
      const text = body?.body;
      if (typeof text !== 'string') return validationFailed('IssueComment', 'body', 'body is missing');
      if (text.length > COMMENT_LIMIT) {
        return validationFailed(
          'IssueComment',
          'body',
          `body is too long (maximum is ${COMMENT_LIMIT} characters)`,
        );
      }
      comment.body = text;
      comment.updatedAt = this.tick();
      return new HttpAnswer(200, this.commentBody(repo, issue, comment));
    }
    return notFound();
  }

  private commentBody(repo: Repository, issue: number, comment: StoredComment): CommentBody {
    const api = `${FAKE_API}/repos/${repo.owner}/${repo.name}`;
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: `${api}/issues/comments/${comment.id}`,
      html_url: `${WEB}/${repo.owner}/${repo.name}/pull/${issue}#issuecomment-${comment.id}`,
      body: comment.body,
      user: BOT,
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      issue_url: `${api}/issues/${issue}`,
      author_association: 'NONE',
    };
  }

  // ---------------------------------------------------------------- releases

  private updateRelease(repo: Repository, release: StoredRelease, body: RecordedRequest['body']): HttpAnswer {
    if (typeof body?.body === 'string') {
      if (body.body.length > RELEASE_LIMIT) {
        return validationFailed(
          'Release',
          'body',
          `body is too long (maximum is ${RELEASE_LIMIT} characters)`,
        );
      }
      release.body = body.body;
    }
    if (typeof body?.prerelease === 'boolean') release.prerelease = body.prerelease;
    if (typeof body?.draft === 'boolean') {
      if (release.draft && !body.draft) release.publishedAt = this.tick();
      release.draft = body.draft;
    }
    return new HttpAnswer(200, this.releaseBody(repo, release));
  }

  private releaseBody(repo: Repository, release: StoredRelease): ReleaseBody {
    const api = `${FAKE_API}/repos/${repo.owner}/${repo.name}`;
    return {
      url: `${api}/releases/${release.id}`,
      html_url: `${WEB}/${repo.owner}/${repo.name}/releases/tag/${release.tag}`,
      assets_url: `${api}/releases/${release.id}/assets`,
      upload_url: `https://uploads.github.test/repos/${repo.owner}/${repo.name}/releases/${release.id}/assets{?name,label}`,
      tarball_url: `${api}/tarball/${release.tag}`,
      zipball_url: `${api}/zipball/${release.tag}`,
      id: release.id,
      node_id: `RE_${release.id}`,
      tag_name: release.tag,
      target_commitish: repo.defaultBranch,
      name: release.name,
      body: release.body,
      draft: release.draft,
      prerelease: release.prerelease,
      created_at: release.createdAt,
      published_at: release.publishedAt,
      author: BOT,
      assets: [],
    };
  }

  // ---------------------------------------------------------------- contents and refs

  private headOf(repo: Repository, ref: string): Commit | undefined {
    const sha = repo.branches.get(ref) ?? (repo.commits.has(ref) ? ref : undefined);
    return sha === undefined ? undefined : repo.commits.get(sha);
  }

  private getContent(repo: Repository, path: string, ref: string): HttpAnswer {
    const commit = this.headOf(repo, ref);
    if (commit === undefined) return notFound(`No commit found for the ref ${ref}`);
    const text = commit.files.get(path);
    if (text !== undefined) return new HttpAnswer(200, this.fileBody(repo, path, text, ref));
    const inside = [...commit.files.keys()].filter((file) => file.startsWith(`${path}/`));
    if (inside.length === 0) return notFound();
    // Direct children only: files as files, deeper paths as one "dir" entry each.
    const names = new Set(inside.map((file) => file.slice(path.length + 1).split('/')[0] ?? ''));
    const listing: DirectoryBody = [...names].map((child) => {
      const full = `${path}/${child}`;
      const text = commit.files.get(full);
      const meta = this.fileMeta(repo, full, text ?? '', ref);
      return text === undefined ? { ...meta, type: 'dir', size: 0, download_url: null } : meta;
    });
    return new HttpAnswer(200, listing);
  }

  /** What GitHub says of a file besides its content (a directory listing and a PUT answer use it). */
  private fileMeta(repo: Repository, path: string, text: string, ref: string) {
    const sha = blobSha(text);
    const api = `${FAKE_API}/repos/${repo.owner}/${repo.name}`;
    const url = `${api}/contents/${path}?ref=${ref}`;
    const html = `${WEB}/${repo.owner}/${repo.name}/blob/${ref}/${path}`;
    const git = `${api}/git/blobs/${sha}`;
    return {
      type: 'file' as const,
      size: Buffer.byteLength(text, 'utf8'),
      name: path.split('/').at(-1) ?? path,
      path,
      sha,
      url,
      git_url: git,
      html_url: html,
      download_url: `https://raw.githubusercontent.test/${repo.owner}/${repo.name}/${ref}/${path}`,
      _links: { self: url, git, html },
    };
  }

  private fileBody(repo: Repository, path: string, text: string, ref: string): FileBody {
    return { ...this.fileMeta(repo, path, text, ref), encoding: 'base64', content: wrappedBase64(text) };
  }

  private putContent(repo: Repository, path: string, body: RecordedRequest['body']): HttpAnswer {
    const branch = typeof body?.branch === 'string' ? body.branch : repo.defaultBranch;
    const head = repo.branches.get(branch);
    if (head === undefined) return notFound(`Branch ${branch} not found`);
    if (typeof body?.message !== 'string') return validationFailed('Commit', 'message', 'message is missing');
    if (typeof body.content !== 'string') return validationFailed('Commit', 'content', 'content is missing');
    const existing = repo.commits.get(head)?.files.get(path);
    const sha = typeof body.sha === 'string' ? body.sha : undefined;
    if (existing !== undefined && sha === undefined) {
      return new HttpAnswer(422, {
        message: 'Invalid request.\n\n"sha" wasn\'t supplied.',
        documentation_url: 'https://docs.github.com/rest/repos/contents#create-or-update-file-contents',
        status: '422',
      });
    }
    if (sha !== undefined && (existing === undefined || blobSha(existing) !== sha)) {
      return new HttpAnswer(409, {
        message: `${path} does not match ${sha}`,
        documentation_url: 'https://docs.github.com/rest/repos/contents#create-or-update-file-contents',
        status: '409',
      });
    }
    const text = Buffer.from(body.content, 'base64').toString('utf8');
    const commit = this.commit(repo, branch, head, path, text);
    const content = this.fileMeta(repo, path, text, branch);
    const api = `${FAKE_API}/repos/${repo.owner}/${repo.name}`;
    const answer: FileCommitBody = {
      content,
      commit: {
        sha: commit.sha,
        node_id: `C_${commit.sha}`,
        url: `${api}/git/commits/${commit.sha}`,
        html_url: `${WEB}/${repo.owner}/${repo.name}/commit/${commit.sha}`,
        message: body.message,
        parents: [{ sha: head, url: `${api}/git/commits/${head}`, html_url: `${WEB}/commit/${head}` }],
      },
    };
    return new HttpAnswer(existing === undefined ? 201 : 200, answer);
  }

  private getRef(repo: Repository, ref: string): HttpAnswer {
    const branch = /^heads\/(.+)$/.exec(ref)?.[1];
    const sha = branch === undefined ? undefined : repo.branches.get(branch);
    if (branch === undefined || sha === undefined) return notFound();
    return new HttpAnswer(200, this.refBody(repo, branch, sha));
  }

  private createRef(repo: Repository, body: RecordedRequest['body']): HttpAnswer {
    const ref = typeof body?.ref === 'string' ? body.ref : '';
    const sha = typeof body?.sha === 'string' ? body.sha : '';
    const branch = /^refs\/heads\/(.+)$/.exec(ref)?.[1];
    if (branch === undefined) {
      return new HttpAnswer(422, {
        message: 'Reference name must start with refs/ and have at least two slashes.',
      });
    }
    if (repo.branches.has(branch)) return new HttpAnswer(422, { message: 'Reference already exists' });
    if (!repo.commits.has(sha)) return new HttpAnswer(422, { message: 'Object does not exist' });
    repo.branches.set(branch, sha);
    return new HttpAnswer(201, this.refBody(repo, branch, sha));
  }

  private refBody(repo: Repository, branch: string, sha: string): RefBody {
    const api = `${FAKE_API}/repos/${repo.owner}/${repo.name}`;
    return {
      ref: `refs/heads/${branch}`,
      node_id: `REF_${branch}`,
      url: `${api}/git/refs/heads/${branch}`,
      object: { type: 'commit', sha, url: `${api}/git/commits/${sha}` },
    };
  }

  // ---------------------------------------------------------------- the repository itself

  private repositoryBody(repo: Repository): RepositoryBody {
    const full = `${repo.owner}/${repo.name}`;
    const api = `${FAKE_API}/repos/${full}`;
    const at = new Date(this.clock).toISOString();
    return {
      id: repo.id,
      node_id: `R_${repo.id}`,
      name: repo.name,
      full_name: full,
      owner: user(repo.owner, 1),
      private: false,
      html_url: `${WEB}/${full}`,
      description: null,
      fork: false,
      url: api,
      archive_url: `${api}/{archive_format}{/ref}`,
      assignees_url: `${api}/assignees{/user}`,
      blobs_url: `${api}/git/blobs{/sha}`,
      branches_url: `${api}/branches{/branch}`,
      collaborators_url: `${api}/collaborators{/collaborator}`,
      comments_url: `${api}/comments{/number}`,
      commits_url: `${api}/commits{/sha}`,
      compare_url: `${api}/compare/{base}...{head}`,
      contents_url: `${api}/contents/{+path}`,
      contributors_url: `${api}/contributors`,
      deployments_url: `${api}/deployments`,
      downloads_url: `${api}/downloads`,
      events_url: `${api}/events`,
      forks_url: `${api}/forks`,
      git_commits_url: `${api}/git/commits{/sha}`,
      git_refs_url: `${api}/git/refs{/sha}`,
      git_tags_url: `${api}/git/tags{/sha}`,
      git_url: `git://github.test/${full}.git`,
      issue_comment_url: `${api}/issues/comments{/number}`,
      issue_events_url: `${api}/issues/events{/number}`,
      issues_url: `${api}/issues{/number}`,
      keys_url: `${api}/keys{/key_id}`,
      labels_url: `${api}/labels{/name}`,
      languages_url: `${api}/languages`,
      merges_url: `${api}/merges`,
      milestones_url: `${api}/milestones{/number}`,
      notifications_url: `${api}/notifications{?since,all,participating}`,
      pulls_url: `${api}/pulls{/number}`,
      releases_url: `${api}/releases{/id}`,
      ssh_url: `git@github.test:${full}.git`,
      stargazers_url: `${api}/stargazers`,
      statuses_url: `${api}/statuses/{sha}`,
      subscribers_url: `${api}/subscribers`,
      subscription_url: `${api}/subscription`,
      tags_url: `${api}/tags`,
      teams_url: `${api}/teams`,
      trees_url: `${api}/git/trees{/sha}`,
      clone_url: `${WEB}/${full}.git`,
      mirror_url: null,
      hooks_url: `${api}/hooks`,
      svn_url: `${WEB}/${full}`,
      homepage: null,
      language: 'TypeScript',
      forks_count: 0,
      stargazers_count: 0,
      watchers_count: 0,
      size: 1,
      default_branch: repo.defaultBranch,
      open_issues_count: repo.issues.size,
      has_issues: true,
      has_projects: false,
      has_wiki: false,
      has_pages: false,
      has_discussions: false,
      archived: false,
      disabled: false,
      pushed_at: at,
      created_at: at,
      updated_at: at,
      subscribers_count: 0,
      network_count: 0,
      license: null,
      forks: 0,
      open_issues: repo.issues.size,
      watchers: 0,
    };
  }

  // ---------------------------------------------------------------- helpers

  private repo(owner: string, name: string): Repository {
    const repo = this.repos.get(`${owner}/${name}`);
    if (repo === undefined) throw new Error(`fake: no repository ${owner}/${name}`);
    return repo;
  }

  private repoById(id: number): [string, string] {
    for (const repo of this.repos.values()) if (repo.id === id) return [repo.owner, repo.name];
    return ['', ''];
  }

  private commit(repo: Repository, branch: string, parent: string, path: string, text: string): Commit {
    const files = new Map(repo.commits.get(parent)?.files);
    files.set(path, text);
    const commit = { sha: this.commitSha(), files };
    repo.commits.set(commit.sha, commit);
    repo.branches.set(branch, commit.sha);
    return commit;
  }

  private commitSha(): string {
    return createHash('sha1').update(`commit ${this.id()}`).digest('hex');
  }

  private id(): number {
    return this.nextId++;
  }

  /** Each event a minute after the last, so created_at orders comments as GitHub would. */
  private tick(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }
}
