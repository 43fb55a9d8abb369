// GitHub sinks for a run's report and history: sticky PR comment, release notes, job summary,
// the history branch and the comparison with the previous comparable run.
export {
  type GitHubRestClient,
  type GitRef,
  httpStatus,
  type IssueComment,
  type Release,
  type RepositoryContent,
} from './client.js';
export {
  type ComparisonVerdict,
  compareWithPrevious,
  type RunComparison,
  regressionRuleText,
} from './compare.js';
export {
  type HistoryEntry,
  HistoryEntrySchema,
  type HistoryRung,
  historyEntryFromResults,
  historyPath,
  historySeries,
  securityTag,
} from './history-entry.js';
export {
  type AppendHistoryOptions,
  type AppendHistoryResult,
  appendHistory,
  DEFAULT_HISTORY_BRANCH,
  HISTORY_LIMIT,
  HISTORY_WRITE_ATTEMPTS,
  HistoryConflictError,
  type HistoryLocation,
  readHistory,
  serializeHistory,
  withHistoryEntry,
} from './history-store.js';
export { GitHubInputError } from './inputs.js';
export { JOB_SUMMARY_LIMIT_BYTES, type JobSummaryOptions, jobSummaryMarkdown } from './job-summary.js';
export { githubClientFromOctokit, type OctokitWithRestAndPaginate } from './octokit-adapter.js';
export {
  type PublishReleaseRequest,
  type PublishReleaseResult,
  RELEASE_BODY_LIMIT,
  type ReleaseBodyEdit,
  type ReleaseSectionMarkers,
  type ReleaseSectionOptions,
  type ReleaseSectionRequest,
  type ReleaseSectionResult,
  releaseSectionMarkers,
  setReleasePublished,
  upsertReleaseSection,
  withReleaseSection,
} from './release-notes.js';
export {
  type StickyCommentRequest,
  type StickyCommentResult,
  stickyCommentBody,
  upsertStickyComment,
} from './sticky-comment.js';
