import type { TaskColour } from '@kpro/core';

/** Rows fetched per page (one request). */
export const PAGE_SIZE = 50;

/** Columns the table sorts by (on the server). */
export const SORT_KEYS = ['colour', 'arrived'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Icon per colour, so colour is never the only signal. */
export const COLOUR_ICON: Record<TaskColour, string> = { red: '●', yellow: '▲', green: '✓', none: '○', missing: '?' };
