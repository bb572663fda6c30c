import { describe, expect, it } from 'vitest';
import { reasonText } from '../../src/domain/reason.js';

describe('reasonText', () => {
  it('words each signal as the client shows it', () => {
    expect(reasonText({ kind: 'FOLLOWED_BY', via: [{ type: 'CREATOR', id: 'TheBloke' }] })).toBe('Followed by /TheBloke');
    expect(reasonText({ kind: 'COMMONLY_FOLLOWED_WITH', via: [{ type: 'CREATOR', id: 'TheBloke' }] })).toBe('Commonly followed with /TheBloke');
    expect(reasonText({ kind: 'FOLLOWED_BY_MANY_YOU_FOLLOW', via: [], count: 32 }, 'Undi')).toBe('32 creators you follow also follow /Undi');
    expect(reasonText({ kind: 'FOLLOWED_BY_MANY_YOU_FOLLOW', via: [], count: 1 }, 'Undi')).toBe('1 creator you follow also follows /Undi');
    expect(reasonText({ kind: 'FOLLOWS_YOU', via: [] })).toBe('They follow you');
    expect(reasonText({ kind: 'FOLLOWED_TOPIC', via: [{ type: 'TASK', id: 'text-generation' }] })).toBe('Because you follow the topic text-generation');
    expect(reasonText({ kind: 'FOLLOWED_CREATOR', via: [{ type: 'CREATOR', id: 'stabilityAI' }] })).toBe('Because you follow /stabilityAI');
    expect(reasonText({ kind: 'FROM_ORGANIZATION', via: [{ type: 'CREATOR', id: 'huggingface' }] })).toBe('From huggingface');
    expect(reasonText({ kind: 'POPULAR_AMONG_SIMILAR_USERS', via: [] })).toBe('Popular amongst people like you');
    expect(reasonText({ kind: 'LIKED_BY', via: [{ type: 'CREATOR', id: 'TheBloke' }] })).toBe('Liked by /TheBloke');
    expect(reasonText({ kind: 'UPLOADED_BY', via: [{ type: 'CREATOR', id: 'TheBloke' }] })).toBe('/TheBloke uploaded a model');
    expect(reasonText({ kind: 'TRENDING_IN_TOPIC', via: [{ type: 'TASK', id: 'text-generation' }] })).toBe('Trending in text-generation');
  });
});
