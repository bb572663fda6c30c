/**
 * The Hugging Face Hub client: the listing endpoints hubgraph ingests, paginated by the Hub's
 * `Link: <…>; rel="next"` header, returning raw JSON (mapping to records happens elsewhere:
 * models in ingest/sources/files, users in ./social.ts).
 *
 * Endpoints and response shapes, checked against huggingface_hub's `src/huggingface_hub/hf_api.py`
 * (commit 1fb0107b) and `utils/_pagination.py`:
 * - `list_models`: GET /api/models with `sort`, `direction=-1`, `limit`, `full=True`, `cardData=True`,
 *   `config=True` (the last two are separate flags: `full` alone does not include card data or the
 *   config). Response: an array of model objects (`_id`, `id`, `modelId`, `author`, `sha`,
 *   `lastModified`, `createdAt`, `private`, `gated`, `disabled`, `likes`, `downloads`, `tags`,
 *   `pipeline_tag`, `library_name`, `cardData`, `siblings: [{rfilename}]`, `config`, …).
 * - `list_user_followers` / `list_user_following`: GET /api/users/{username}/followers|following;
 *   `list_organization_followers`: GET /api/organizations/{organization}/followers. Items are user
 *   objects read by `User(**item)`: `user` (the username), `fullname`, `avatarUrl`, `isPro`,
 *   `isFollowing`, `type`, `_id`.
 * - `list_repo_likers`: GET /api/models/{repo_id}/likers; items read as `user`, `fullname`, `avatarUrl`.
 * - `paginate`: every one of these follows `response.links["next"]["url"]` until absent; the next
 *   URL already carries the query, so the client never builds cursors itself.
 */
import { ErrorCodes, HubgraphError } from '../../../src/errors.js';
import { HubHttpError } from './errors.js';
import { createHubHttp, type HubHttp, type HubHttpOptions } from './http.js';

/** The HTTP options (fetch, token, rate, retries, timeouts) plus where the Hub is. */
export interface HubClientDeps extends Omit<HubHttpOptions, 'userAgent'> {
  /** Default https://huggingface.co. */
  baseUrl?: string;
}

export type ModelSort = 'downloads' | 'likes' | 'createdAt';

export interface ListModelsOptions {
  /** Sort key, always descending. Default `downloads`. */
  sort?: ModelSort;
  /** Stop after this many models in this run (the last page is truncated). Default: no limit. */
  limit?: number;
  /** Models per request (the Hub's `limit` parameter), 1–1000. Default 100. */
  pageSize?: number;
  /**
   * Resume point: a `nextCursor` from an earlier page (the full next-page URL), or a bare Hub
   * cursor token. The first page yielded is exactly the page that cursor names.
   */
  cursor?: string;
  /** Ask for `full=true` (sha, siblings, lastModified, …). Default true. */
  full?: boolean;
  /** Ask for `cardData=true` (model card metadata: license, datasets, base_model). Default true. */
  cardData?: boolean;
  /** Ask for `config=true` (architectures, model_type). Default true. */
  config?: boolean;
}

export interface ModelPage {
  /** Raw Hub model objects, as received. */
  models: unknown[];
  /** Persist this to resume after this page; null when this was the last page. */
  nextCursor: string | null;
  /** 0-based index of the page within this run (a resumed run starts again at 0). */
  pageIndex: number;
}

export type FollowTargetKind = 'user' | 'organization';

export interface HubClient {
  listModels(options?: ListModelsOptions): AsyncIterable<ModelPage>;
  /** Users following `name` (a user or an organization). Raw Hub user objects. */
  listFollowers(name: string, kind: FollowTargetKind): AsyncIterable<unknown>;
  /** Accounts `username` follows. Raw Hub user objects. */
  listFollowing(username: string): AsyncIterable<unknown>;
  /** Users who liked model `repoId` (`namespace/name`). Raw Hub user objects. */
  listModelLikers(repoId: string): AsyncIterable<unknown>;
}

type PageRequestOptions = Required<Pick<ListModelsOptions, 'sort' | 'pageSize' | 'full' | 'cardData' | 'config'>>;

export const LIST_MODELS_DEFAULTS: Readonly<PageRequestOptions> = {
  sort: 'downloads',
  pageSize: 100,
  full: true,
  cardData: true,
  config: true,
};

/** The Hub refuses larger pages. */
const MAX_PAGE_SIZE = 1000;

export function createHubClient(deps: HubClientDeps): HubClient {
  const { baseUrl, ...httpOptions } = deps;
  const base = new URL(baseUrl ?? 'https://huggingface.co');
  const http: HubHttp = createHubHttp(httpOptions);

  function apiUrl(path: string): URL {
    return new URL(path, base);
  }

  async function* listModels(options: ListModelsOptions = {}): AsyncGenerator<ModelPage> {
    const o: PageRequestOptions = { ...LIST_MODELS_DEFAULTS, ...definedOnly(options) };
    checkInt('pageSize', o.pageSize, 1, MAX_PAGE_SIZE);
    if (options.limit !== undefined) checkInt('limit', options.limit, 0, Number.MAX_SAFE_INTEGER);

    let url: URL | null = options.cursor === undefined ? firstModelsUrl(o) : resumeUrl(options.cursor, o);
    let yielded = 0;
    let pageIndex = 0;
    while (url !== null) {
      const remaining = options.limit === undefined ? Infinity : options.limit - yielded;
      if (remaining <= 0) return;
      // Ask for no more than we will keep: the Hub's cursors mark a position, not a page size, so
      // the next link after a short last page resumes exactly after the last model we yield.
      url.searchParams.set('limit', String(Math.min(o.pageSize, remaining)));
      const page = await http.getPage(url.toString());
      // Truncate anyway in case a server ignores `limit`.
      const models = page.items.length > remaining ? page.items.slice(0, remaining) : page.items;
      yielded += models.length;
      const next = checkNext(page.url, page.next);
      yield { models, nextCursor: next, pageIndex };
      pageIndex += 1;
      url = next === null ? null : new URL(next);
    }
  }

  function firstModelsUrl(o: PageRequestOptions): URL {
    const url = apiUrl('/api/models');
    if (o.full) url.searchParams.set('full', 'true');
    if (o.cardData) url.searchParams.set('cardData', 'true');
    if (o.config) url.searchParams.set('config', 'true');
    url.searchParams.set('sort', o.sort);
    url.searchParams.set('direction', '-1');
    url.searchParams.set('limit', String(o.pageSize));
    return url;
  }

  /** A saved nextCursor is a full URL; a bare token is the Hub's `cursor` parameter. */
  function resumeUrl(cursor: string, o: PageRequestOptions): URL {
    if (/^https?:\/\//i.test(cursor) || cursor.startsWith('/')) {
      const url = new URL(cursor, base);
      if (url.origin !== base.origin) {
        throw new HubgraphError(
          ErrorCodes.BAD_USER_INPUT,
          `cursor ${cursor} points to ${url.origin}, not the Hub at ${base.origin}`,
          { hint: 'resume with a nextCursor saved from the same Hub' },
        );
      }
      return url;
    }
    if (cursor.trim() === '') {
      throw new HubgraphError(ErrorCodes.BAD_USER_INPUT, 'cursor is empty', {
        hint: 'omit cursor to start from the first page',
      });
    }
    const url = firstModelsUrl(o);
    url.searchParams.set('cursor', cursor);
    return url;
  }

  /**
   * Refuse to follow a next link off the Hub's origin (the token would go with it) or back to the
   * page just fetched (an endless loop).
   */
  function checkNext(current: string, next: string | null): string | null {
    if (next === null) return null;
    const nextUrl = new URL(next);
    if (nextUrl.origin !== base.origin) {
      throw new HubHttpError({
        url: current,
        reason: `the Link header points the next page to another origin (${nextUrl.origin}); not following it`,
        status: null,
        retriable: false,
      });
    }
    if (nextUrl.toString() === new URL(current).toString()) {
      throw new HubHttpError({
        url: current,
        reason: 'the Link header points the next page back to this page; stopping to avoid a loop',
        status: null,
        retriable: false,
      });
    }
    return next;
  }

  /** Every item of every page of a listing, following Link rel="next". */
  async function* items(first: URL): AsyncGenerator<unknown> {
    let url: string | null = first.toString();
    while (url !== null) {
      const page = await http.getPage(url);
      yield* page.items;
      url = checkNext(page.url, page.next);
    }
  }

  function listFollowers(name: string, kind: FollowTargetKind): AsyncIterable<unknown> {
    const segment = kind === 'organization' ? 'organizations' : 'users';
    return items(apiUrl(`/api/${segment}/${pathSegment('name', name)}/followers`));
  }

  function listFollowing(username: string): AsyncIterable<unknown> {
    return items(apiUrl(`/api/users/${pathSegment('username', username)}/following`));
  }

  function listModelLikers(repoId: string): AsyncIterable<unknown> {
    const parts = repoId.split('/');
    if (parts.length > 2) {
      throw new HubgraphError(ErrorCodes.BAD_USER_INPUT, `repoId ${JSON.stringify(repoId)} is not namespace/name`);
    }
    const path = parts.map((part) => pathSegment('repoId', part)).join('/');
    return items(apiUrl(`/api/models/${path}/likers`));
  }

  return { listModels, listFollowers, listFollowing, listModelLikers };
}

function pathSegment(field: string, value: string): string {
  if (value.trim() === '' || value === '.' || value === '..') {
    throw new HubgraphError(ErrorCodes.BAD_USER_INPUT, `${field}: expected a Hub name, got ${JSON.stringify(value)}`);
  }
  return encodeURIComponent(value);
}

function checkInt(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new HubgraphError(ErrorCodes.BAD_USER_INPUT, `${field}: expected an integer from ${min} to ${max}, got ${value}`);
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
