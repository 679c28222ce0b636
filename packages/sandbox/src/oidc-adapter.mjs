// In-memory storage for oidc-provider (codes, sessions, interactions, grants, refresh tokens).
// oidc-provider's built-in one works too, but is shared by every provider in the process and warns
// loudly at start. Kept in memory on purpose: after a restart, open log-ins and refresh tokens are gone
// (access tokens are self-contained JWTs and keep working until they expire).

/** One store per sandbox, shared by its per-origin providers. */
export function createAdapterClass() {
  /** @type {Map<string, { payload: any, expiresAt: number }>} */
  const store = new Map();
  // oidc-provider dates its tokens and records by the machine's clock (so do the browsers that check them):
  // their lifetimes run on that clock too, not on the sandbox's test start time.
  const now = () => Date.now();
  const get = (key) => {
    const hit = store.get(key);
    if (!hit) return undefined;
    if (hit.expiresAt <= now()) {
      store.delete(key);
      return undefined;
    }
    return hit.payload;
  };

  return class SandboxOidcAdapter {
    /** @param {string} model */
    constructor(model) {
      this.model = model;
    }
    key(id) {
      return `${this.model}:${id}`;
    }
    async upsert(id, payload, expiresIn) {
      const expiresAt = typeof expiresIn === 'number' ? now() + expiresIn * 1000 : Infinity;
      store.set(this.key(id), { payload, expiresAt });
      if (payload.uid) store.set(`uid:${this.model}:${payload.uid}`, { payload: id, expiresAt });
      if (payload.userCode) store.set(`userCode:${payload.userCode}`, { payload: id, expiresAt });
      if (payload.grantId) {
        const members = get(`grant:${payload.grantId}`) ?? new Set();
        members.add(this.key(id));
        store.set(`grant:${payload.grantId}`, { payload: members, expiresAt: Infinity });
      }
    }
    async find(id) {
      return get(this.key(id));
    }
    async findByUid(uid) {
      const id = get(`uid:${this.model}:${uid}`);
      return id ? this.find(id) : undefined;
    }
    async findByUserCode(userCode) {
      const id = get(`userCode:${userCode}`);
      return id ? this.find(id) : undefined;
    }
    async consume(id) {
      const payload = get(this.key(id));
      if (payload) payload.consumed = Math.floor(now() / 1000);
    }
    async destroy(id) {
      store.delete(this.key(id));
    }
    async revokeByGrantId(grantId) {
      for (const key of get(`grant:${grantId}`) ?? []) store.delete(key);
      store.delete(`grant:${grantId}`);
    }
  };
}
