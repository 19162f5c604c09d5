// A react-admin data provider for the Stardex dialect, so react-admin talks to the very API
// (the contract fake's /stardex) that dealform talks to in the benchmark.
import { HttpError } from 'react-admin';

const SORT = { name: 'name', amount: 'amount', deal_status_id: 'deal_status_id', closed_date: 'closed_date', owner: 'owner_ids' };

export function stardexProvider(api, token) {
  const call = async (method, path, body) => {
    const r = await fetch(api + path, {
      method,
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = r.status === 204 ? {} : await r.json();
    if (!r.ok) throw new HttpError(json?.error?.message || r.statusText, r.status, json);
    return json;
  };
  const toRecord = (d) => ({ ...d, owner: d.owner_ids?.[0] ?? '' });
  const toWire = (r) => ({
    name: r.name,
    amount: r.amount ?? null,
    win_probability: r.win_probability ?? null,
    deal_status_id: r.deal_status_id || null,
    closed_date: r.closed_date || null,
    client_id: r.client_id || null,
    description: r.description || null,
    owner_ids: r.owner ? [r.owner] : [],
  });
  const getOne = async (_, { id }) => ({ data: toRecord((await call('GET', `/v1/deals/${id}`)).data) });
  return {
    async getList(_, { pagination: { page, perPage }, sort, filter }) {
      const body = { offset: (page - 1) * perPage, limit: perPage, sort_by: SORT[sort?.field] ?? 'name', sort_order: (sort?.order ?? 'ASC').toLowerCase() };
      if (filter?.q) body.keywords = filter.q.split(/\s+/).filter(Boolean);
      const r = await call('POST', '/v1/deals/search', body);
      return { data: r.data.map(toRecord), total: r.meta.total };
    },
    getOne,
    async getMany(_, { ids }) {
      return { data: await Promise.all(ids.map(async (id) => (await getOne(_, { id })).data)) };
    },
    async getManyReference() {
      return { data: [], total: 0 };
    },
    async create(_, { data }) {
      return { data: toRecord((await call('POST', '/v1/deals', toWire(data))).data) };
    },
    async update(_, { id, data }) {
      await call('PATCH', `/v1/deals/${id}`, toWire(data));
      return getOne(_, { id });
    },
    async updateMany(_, { ids, data }) {
      for (const id of ids) await call('PATCH', `/v1/deals/${id}`, toWire(data));
      return { data: ids };
    },
    async delete(_, { id, previousData }) {
      await call('DELETE', `/v1/deals/${id}`);
      return { data: previousData };
    },
    async deleteMany(_, { ids }) {
      for (const id of ids) await call('DELETE', `/v1/deals/${id}`);
      return { data: ids };
    },
  };
}
