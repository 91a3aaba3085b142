export type Role = "customer" | "staff" | "admin";

export interface User {
  id: string;
  email: string;
  passwordHash: string;
  role: Role;
  apiKey?: string | null;
  createdAt: Date;
}

export interface NewUser {
  email: string;
  password: string;
  passwordConfirmation: string;
}

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_PATTERN = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{12,}$/;
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{40}$/;
