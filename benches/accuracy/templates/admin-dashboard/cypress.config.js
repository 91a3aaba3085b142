const { defineConfig } = require('cypress');

module.exports = defineConfig({
  e2e: {
    baseUrl: 'https://admin-staging.acme.com',
    env: {
      adminUser: 'qa-admin@acme.com',
      adminPassword: '«pw»', ⟦+password⟧
      mailosaurApiKey: '«alnum:16»', ⟦+token⟧
    },
    video: false,
    retries: { runMode: 2, openMode: 0 },
  },
});
