// Update with your config settings.
module.exports = {
  development: {
    client: 'postgresql',
    connection: 'postgres://admin:admin@localhost:5432/admin_dev', ⟦-⟧
    migrations: { tableName: 'knex_migrations' },
  },

  staging: {
    client: 'postgresql',
    connection: {
      host: 'admin-staging.cluster-«lower:12».eu-west-1.rds.amazonaws.com',
      database: 'admin',
      user: 'admin_app',
      password: '«pw:0»', ⟦+password⟧
    },
    pool: { min: 2, max: 10 },
  },

  production: {
    client: 'postgresql',
    connection: process.env.DATABASE_URL, ⟦-⟧
    pool: { min: 2, max: 20 },
  },
};
