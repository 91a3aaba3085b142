import { describe, expect, it, vi } from "vitest";
import bcrypt from "bcryptjs";

vi.mock("../src/db/pool", () => ({
  findUserByEmail: vi.fn(async (email: string) =>
    email === "jane@example.com"
      ? { id: 1, email, password_hash: bcrypt.hashSync("test", 4) }
      : null,
  ),
}));

import { login, verify } from "../src/api/auth";

describe("login", () => {
  const expectedPassword = "test";

  it("returns a token for the right password", async () => {
    const res = await login({ email: "jane@example.com", password: expectedPassword });
    expect(res?.token_type).toBe("bearer");
    expect(verify(res!.access_token)).toMatchObject({ sub: 1 });
  });

  it("rejects a wrong password", async () => {
    expect(await login({ email: "jane@example.com", password: "nope" })).toBeNull();
  });

  it("rejects an unknown user", async () => {
    expect(await login({ email: "nobody@example.com", password: "x" })).toBeNull();
  });
});
