/** One page of a list: at most `limit` items after skipping `offset`. */
export interface Page {
  limit: number;
  offset: number;
}

export interface Paged<T> {
  items: T[];
  /** How many items the whole list has, for the client's pager. */
  total: number;
}
