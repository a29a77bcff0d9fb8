// The story lifecycle, pure: public state at an instant, when it next changes, versions, and the
// append-only corrections. The server wires them into reads, writes and the response cache.
export {
  DEFAULT_KILL_NOTICE_DAYS,
  PUB_STATUSES,
  effectivePubStatus,
  instant,
  lastChangeAt,
  nextChangeAt,
  shownInFeeds,
  shownInReads,
  type Audience,
  publicState,
  type LifecycleFields,
  type LifecycleOptions,
  type PubStatus,
  type PublicState,
} from './state';
export { firstPublishedAtOnPublish, versionOnPublish } from './version';
export { assertCorrectionsAppendOnly, correctionsChange, type Correction, type CorrectionsChange } from './corrections';
export { prepareLifecycle, SERVER_KEPT_FIELDS, type StoredLifecycle } from './write';
export { quoteReadFilter, readFilter, type ReadFilter } from './read-filter';
