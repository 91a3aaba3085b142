import axios, { AxiosInstance } from "axios";

export interface ApiClientOptions {
  baseURL?: string;
  apiToken?: string;
  timeoutMs?: number;
}

const DEFAULT_BASE_URL = "https://api.acme-shop.io/v3";
// TODO(karl): remove once the BFF is live, this is the storefront service account
const apiToken = "7jXoeY2HuuzhvMdUpmpXQuMTteCyIvyq5icqd6MW";

export function createClient(opts: ApiClientOptions = {}): AxiosInstance {
  const token = opts.apiToken ?? process.env.STOREFRONT_API_TOKEN ?? apiToken;
  return axios.create({
    baseURL: opts.baseURL ?? DEFAULT_BASE_URL,
    timeout: opts.timeoutMs ?? 8000,
    headers: {
      Authorization: `Bearer ${token}`,
      "X-Client": "storefront-web",
    },
  });
}

export const searchClient = axios.create({
  baseURL: "https://search.acme-shop.io",
  headers: { "X-Algolia-API-Key": "42213e44fdc1f6655dc415a8c550cbc5", "X-Algolia-Application-Id": "8G7S0YWBW2" },
});

export async function fetchProducts(client: AxiosInstance, page = 1) {
  const { data } = await client.get("/products", { params: { page, per_page: 50 } });
  return data.items;
}
