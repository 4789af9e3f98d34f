import { Paper, SimpleGrid, type SimpleGridProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { Pager } from '../Pager';
import { ErrorState, LoadingState } from '../States';

/** What the list views need of a TanStack query: its state, its data and a way to try again. */
export type QueryLike<D> = {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: D | undefined;
  refetch: () => unknown;
};

/** Loading placeholder, error with "try again", the empty state, or the data: in that order, exactly one of them. */
export function QueryView<D>({
  query,
  loadingRows,
  empty,
  isEmpty,
  children,
}: {
  query: QueryLike<D>;
  loadingRows?: number;
  /** Shown instead of the children when `isEmpty` says there is nothing. */
  empty?: ReactNode;
  isEmpty?: (data: D) => boolean;
  children: (data: D) => ReactNode;
}) {
  if (query.isPending) return <LoadingState rows={loadingRows} />;
  if (query.isError || query.data === undefined)
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (empty !== undefined && isEmpty?.(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}

/** Paging kept in the URL (useSearchState): a new page keeps the filters. */
export type Paging = {
  limit: number;
  offset: number;
  update: (changes: { offset: string }, resetOffset: boolean) => void;
};

/**
 * A list's results: a labelled section with the loading, error and empty states, the items, and the pager below
 * them when the list is paged.
 */
export function ListResults<T>({
  query,
  label,
  loadingRows,
  empty,
  paging,
  busy,
  children,
}: {
  query: QueryLike<{ items: T[]; total?: number }>;
  /** Names the results region; without it the results stand in the page without a region of their own. */
  label?: string;
  loadingRows?: number;
  empty: ReactNode;
  paging?: Paging;
  /** Marks the region busy while newer results load over the shown ones. */
  busy?: boolean;
  children: (items: T[]) => ReactNode;
}) {
  const view = (
    <QueryView query={query} loadingRows={loadingRows} empty={empty} isEmpty={(d) => d.items.length === 0}>
      {(data) => (
        <>
          {children(data.items)}
          {paging && (
            <Pager
              total={data.total ?? data.items.length}
              limit={paging.limit}
              offset={paging.offset}
              onChange={(o) => paging.update({ offset: String(o) }, false)}
            />
          )}
        </>
      )}
    </QueryView>
  );
  if (!label) return view;
  return (
    <section aria-label={label} aria-busy={busy}>
      {view}
    </section>
  );
}

/** The filters above a list: a labelled region with its fields in a grid. */
export function FilterBar({
  label,
  cols = { base: 1, sm: 3 },
  verticalSpacing,
  children,
}: {
  label: string;
  cols?: SimpleGridProps['cols'];
  verticalSpacing?: SimpleGridProps['verticalSpacing'];
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" mb="md" component="section" aria-label={label}>
      <SimpleGrid cols={cols} spacing="sm" verticalSpacing={verticalSpacing}>
        {children}
      </SimpleGrid>
    </Paper>
  );
}
