CREATE TABLE users (
    id            BIGSERIAL PRIMARY KEY,
    email         VARCHAR(255) NOT NULL UNIQUE,
    password      VARCHAR(255) NOT NULL, ⟦-⟧
    password_salt CHAR(32), ⟦-⟧
    api_token     CHAR(40) UNIQUE, ⟦-⟧
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE password_resets ( ⟦-⟧
    token      VARCHAR(64) PRIMARY KEY, ⟦-⟧
    user_id    BIGINT NOT NULL REFERENCES users(id),
    expires_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX idx_password_resets_user ON password_resets(user_id); ⟦-⟧

-- service account for the reporting tool
CREATE ROLE reporting LOGIN PASSWORD '«pw»'; ⟦+password⟧
GRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting;
ALTER ROLE app_rw WITH PASSWORD 'md5«md5»'; ⟦+credential-file⟧
CREATE USER 'wp_backup'@'%' IDENTIFIED BY '«pw»'; ⟦+password⟧
