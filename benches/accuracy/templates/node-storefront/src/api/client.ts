import axios, { AxiosInstance } from "axios";

export interface ApiClientOptions {
  baseURL?: string;
  apiToken?: string; ⟦-⟧
  timeoutMs?: number;
}

const DEFAULT_BASE_URL = "https://api.acme-shop.io/v3";
// TODO(karl): remove once the BFF is live, this is the storefront service account
const apiToken = "«alnum:40»"; ⟦+token⟧

export function createClient(opts: ApiClientOptions = {}): AxiosInstance {
  const token = opts.apiToken ?? process.env.STOREFRONT_API_TOKEN ?? apiToken; ⟦-⟧
  return axios.create({
    baseURL: opts.baseURL ?? DEFAULT_BASE_URL,
    timeout: opts.timeoutMs ?? 8000,
    headers: {
      Authorization: `Bearer ${token}`, ⟦-⟧
      "X-Client": "storefront-web",
    },
  });
}

export const searchClient = axios.create({
  baseURL: "https://search.acme-shop.io",
  headers: { "X-Algolia-API-Key": "«hex:32»", "X-Algolia-Application-Id": "«upper:10»" }, ⟦-⟧
});

export async function fetchProducts(client: AxiosInstance, page = 1) {
  const { data } = await client.get("/products", { params: { page, per_page: 50 } });
  return data.items;
}
