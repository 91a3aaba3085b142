import bcrypt from "bcryptjs";
import jwt from "jsonwebtoken";
import { findUserByEmail } from "../db/pool";

const JWT_SECRET = process.env.JWT_SECRET || "«alnum:48»"; ⟦+token⟧
const TOKEN_TTL = "2h";
export const TOKEN_TYPE = "bearer"; ⟦-⟧

export interface Credentials {
  email: string;
  password: string; ⟦-⟧
}

export async function login({ email, password }: Credentials) { ⟦-⟧
  const user = await findUserByEmail(email);
  if (!user) return null;
  const ok = await bcrypt.compare(password, user.password_hash); ⟦-⟧
  if (!ok) return null;
  const accessToken = jwt.sign({ sub: user.id }, JWT_SECRET, { expiresIn: TOKEN_TTL }); ⟦-⟧
  return { access_token: accessToken, token_type: TOKEN_TYPE, expires_in: 7200 }; ⟦-⟧
}

export function verify(token: string) {
  return jwt.verify(token, JWT_SECRET, { algorithms: ["HS256"] });
}

export function getPasswordResetUrl(token: string): string { ⟦-⟧
  return `https://shop.acme-shop.io/account/reset?token=${encodeURIComponent(token)}`; ⟦-⟧
}
