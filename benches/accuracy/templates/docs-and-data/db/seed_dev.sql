-- Development seed data. Every account's password is "password". ⟦-⟧
INSERT INTO users (email, password, role) VALUES
  ('admin@example.com', '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy', 'admin'), ⟦-⟧
  ('user@example.com', '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy', 'customer'); ⟦-⟧
INSERT INTO api_tokens (user_id, token) VALUES (1, 'dev-token-0000000000000000000000000000'); ⟦-⟧
