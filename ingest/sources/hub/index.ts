/** The Hugging Face Hub source: a paginated, rate-limited, retrying client and the social mappers. */
export { createHubClient, LIST_MODELS_DEFAULTS } from './client.js';
export type { FollowTargetKind, HubClient, HubClientDeps, ListModelsOptions, ModelPage, ModelSort } from './client.js';
export { HubHttpError, isHubHttpError } from './errors.js';
export { HTTP_DEFAULTS } from './http.js';
export { mapFollower, mapFollowing, mapLiker } from './social.js';
export type { SocialSource } from './social.js';
