import axios, { AxiosInstance } from "axios";

export interface ApiClientOptions {
  baseURL?: string;
  apiToken?: string;
  timeoutMs?: number;
}

const DEFAULT_BASE_URL = "https://api.acme-shop.io/v3";
// TODO(karl): remove once the BFF is live, this is the storefront service account
const apiToken = "MxHoB9gluFzIusPQz9v5FEeWBlkGNQxKLoTaUp14";

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
  headers: { "X-Algolia-API-Key": "87ca50f9ded29857e17258dc0f68c777", "X-Algolia-Application-Id": "Q8F56P0OFP" },
});

export async function fetchProducts(client: AxiosInstance, page = 1) {
  const { data } = await client.get("/products", { params: { page, per_page: 50 } });
  return data.items;
}
