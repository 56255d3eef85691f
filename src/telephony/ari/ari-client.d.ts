// ari-client ships no types. We declare only the entry point and describe the client we use in
// ari-client-like.ts, checked at run time when it is created.
declare module 'ari-client' {
  export function connect(url: string, user: string, password: string): Promise<unknown>;
}
